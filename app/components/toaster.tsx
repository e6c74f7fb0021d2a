"use client";

import { Toaster as SonnerToaster } from "sonner";

/** Toasts for the whole site; sonner's list is an aria-live region, so screen readers hear them. */
export function Toaster() {
  return <SonnerToaster position="top-center" richColors closeButton />;
}
