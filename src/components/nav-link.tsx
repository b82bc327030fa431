"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/** A main-menu link that tells screen readers when it is the section you are in (aria-current="page"), and shows it. */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link
      href={href}
      aria-current={current ? "page" : undefined}
      className={`font-bold ${current ? "border-b-4 border-nhs-blue no-underline" : ""}`}
    >
      {children}
    </Link>
  );
}
