import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * False while the page is the server's HTML (React has not taken it over yet), true from then on: a
 * button that only works in the browser stays disabled until then, instead of ignoring an early click.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}
