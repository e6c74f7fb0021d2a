"use client";

import type { ReactNode } from "react";
import { Link, usePathname } from "@/i18n/navigation";

/** Whether `href` is the page at `pathname` (a link to a part of a page never is); a task's page belongs to My tasks. */
export function isCurrentPage(href: string, pathname: string): boolean {
  if (href.includes("#")) return false;
  if (href === "/tasks") return pathname === "/tasks" || (pathname.startsWith("/tasks/") && pathname !== "/tasks/new");
  return pathname === href;
}

/** A header link that marks itself as the current page. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const current = isCurrentPage(href, usePathname());
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`rounded-md px-2 py-1 text-sm font-medium hover:bg-slate-100 ${current ? "bg-brand-50 text-brand-700" : "text-slate-700"}`}
    >
      {children}
    </Link>
  );
}
