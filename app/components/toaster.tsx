"use client";

import { useSyncExternalStore } from "react";
import { Toaster as SonnerToaster } from "sonner";

const narrowQuery = "(max-width: 639px)";

function subscribeToWidth(onChange: () => void) {
  const query = window.matchMedia(narrowQuery);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

/**
 * Toasts for the whole site; sonner's list is an aria-live region, so screen readers hear them. On a
 * phone they rise from the bottom, where they do not cover the header and its menu.
 */
export function Toaster() {
  const narrow = useSyncExternalStore(subscribeToWidth, () => window.matchMedia(narrowQuery).matches, () => false);
  return <SonnerToaster position={narrow ? "bottom-center" : "top-center"} richColors closeButton />;
}
