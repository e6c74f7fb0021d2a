"use client";

import { useCallback, useSyncExternalStore } from "react";

type Permission = NotificationPermission | "unsupported";

const listeners = new Set<() => void>();

function currentPermission(): Permission {
  return typeof Notification === "undefined" ? "unsupported" : Notification.permission;
}

/**
 * Whether this browser may show notifications, and a request for permission that the page calls only
 * from the visitor's own click on the button that offers it.
 */
export function useNotificationPermission(): { permission: Permission; request: () => Promise<void> } {
  const permission = useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    currentPermission,
    () => "unsupported" as Permission,
  );
  const request = useCallback(async () => {
    if (typeof Notification === "undefined") return;
    await Notification.requestPermission();
    for (const listener of listeners) listener();
  }, []);
  return { permission, request };
}

/** Shows a system notification for a finished task, but only while the tab is hidden and the visitor allowed it. */
export function notifyIfHidden(title: string, options: { body?: string; tag: string }): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted" || !document.hidden) return;
  const notification = new Notification(title, { ...options, icon: "/icon.svg" });
  notification.addEventListener("click", () => {
    window.focus();
    notification.close();
  });
}
