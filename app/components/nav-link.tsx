"use client";

import type { ReactNode } from "react";
import { Link, usePathname } from "@/i18n/navigation";

/** A header link that marks itself as the current page. */
export function NavLink({ href, children }: { href: "/tasks" | "/tasks/new" | "/files" | "/transfer"; children: ReactNode }) {
  const pathname = usePathname();
  const current = href === "/tasks" ? pathname === "/tasks" || (pathname.startsWith("/tasks/") && pathname !== "/tasks/new") : pathname === href;
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
