"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Link, usePathname } from "@/i18n/navigation";
import { isCurrentPage } from "./nav-link";

export type MyMenuItem = { href: string; label: string };

type Props = { label: string; items: readonly MyMenuItem[] };

/**
 * The visitor's own pages behind one disclosure button: Enter or Space opens it, the arrow keys (or Tab)
 * move through the links, Escape closes it and puts focus back on the button, as does a click elsewhere.
 */
export function MyMenu({ label, items }: Props) {
  const pathname = usePathname();
  const listId = useId();
  // Open on the page where it was opened: following one of its links closes it.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (next: boolean) => setOpenOn(next ? pathname : null);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const inside = items.some((item) => isCurrentPage(item.href, pathname));

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpenOn(null);
    };
    document.addEventListener("pointerdown", closeOutside);
    return () => document.removeEventListener("pointerdown", closeOutside);
  }, [open]);

  const links = () => Array.from(root.current?.querySelectorAll<HTMLAnchorElement>("ul a") ?? []);
  const focusLink = (index: number) => {
    const all = links();
    all[(index + all.length) % all.length]?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
      return;
    }
    const moves: Record<string, (at: number) => number> = { ArrowDown: (at) => at + 1, ArrowUp: (at) => at - 1, Home: () => 0, End: () => -1 };
    const move = moves[event.key];
    const at = links().indexOf(document.activeElement as HTMLAnchorElement);
    // On the button only the arrows count: down opens the list at its first link, up at its last.
    if (!move || (at === -1 && (event.key === "Home" || event.key === "End"))) return;
    event.preventDefault();
    if (!open) setOpen(true);
    requestAnimationFrame(() => focusLink(at === -1 ? (event.key === "ArrowUp" ? -1 : 0) : move(at)));
  };

  return (
    <div
      ref={root}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Tab past the last link closes it; a click elsewhere is the pointerdown listener's to handle.
        if (event.relatedTarget && !root.current?.contains(event.relatedTarget)) setOpen(false);
      }}
      className="relative"
    >
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen(!open)}
        className={`flex items-center gap-1 rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 ${inside ? "bg-brand-50 text-brand-700" : "text-slate-700"}`}
      >
        {label}
        <svg aria-hidden viewBox="0 0 20 20" className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} fill="currentColor">
          <path d="M5.23 7.21a.75.75 0 0 1 1.06.02L10 11.17l3.71-3.94a.75.75 0 1 1 1.08 1.04l-4.25 4.5a.75.75 0 0 1-1.08 0l-4.25-4.5a.75.75 0 0 1 .02-1.06Z" />
        </svg>
      </button>
      <ul id={listId} hidden={!open} className="absolute right-0 z-40 mt-1 flex w-52 max-w-[calc(100vw-2rem)] flex-col rounded-lg border border-slate-200 bg-white py-1 shadow-lg">
        {items.map((item) => {
          const current = isCurrentPage(item.href, pathname);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                onClick={() => setOpen(false)}
                className={`block px-3 py-2 text-sm hover:bg-slate-100 focus-visible:bg-slate-100 ${current ? "font-semibold text-brand-700" : "text-slate-700"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
