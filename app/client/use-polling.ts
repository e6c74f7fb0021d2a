"use client";

import { useEffect } from "react";

/**
 * Calls `load` now (and whenever it changes), then every `intervalMs` while `active`; calls never overlap.
 * When `active` turns false there is one last call, so the final state is shown.
 */
export function usePolling(load: () => Promise<void>, active: boolean, intervalMs = 1500): void {
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const tick = async () => {
      await load().catch(() => undefined);
      if (!stopped && active) timer = setTimeout(tick, intervalMs);
    };
    timer = setTimeout(tick, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [load, active, intervalMs]);
}
