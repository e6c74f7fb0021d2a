import type { ReactNode } from "react";

/** The transfer pages' main button: one action, greyed while it runs. */
export function ActionButton({ onClick, busy, children }: { onClick: () => void; busy: boolean; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={busy}
      className="rounded-lg bg-brand-600 px-4 py-2 font-semibold text-white shadow-sm hover:bg-brand-700 disabled:opacity-60"
    >
      {children}
    </button>
  );
}
