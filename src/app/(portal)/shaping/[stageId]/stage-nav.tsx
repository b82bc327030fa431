"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";

/** The stage's sections as one navigation (from stage-sections.ts, already cut to what this person may use). */
export function StageNav({ stageId, sections }: { stageId: string; sections: { path: string; label: string }[] }) {
  const pathname = usePathname();
  const base = `/shaping/${stageId}`;
  return (
    <nav aria-label="This shaping stage" className="mb-6 border-b border-slate-300 print:hidden">
      <ul className="flex flex-wrap gap-x-6 gap-y-1 pb-2">
        {sections.map((s) => {
          const href = `${base}${s.path}`;
          const current = s.path === "" ? pathname === base : pathname === href || pathname.startsWith(`${href}/`);
          return (
            <li key={s.path}>
              <Link href={href} aria-current={current ? "page" : undefined} className={current ? "font-bold no-underline" : ""}>
                {current ? <span className="border-b-4 border-nhs-blue">{s.label}</span> : s.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
