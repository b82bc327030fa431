import { NavLink } from "@/components/nav-link";
import { signOutAction } from "@/app/(portal)/actions";
import { SiteHeader } from "@/components/site-header";
import { ROLE_LABELS } from "@/domain/roles";
import { can, canUseSection, type Section } from "@/server/policy";
import type { Actor } from "@/server/auth/actor";
import { needsConsent } from "@/server/auth/session";

const NAV: { section: Section; href: string; label: string; show?: (actor: Actor) => boolean }[] = [
  { section: "tenders", href: "/tenders", label: "Tenders" },
  { section: "shaping", href: "/shaping", label: "Shaping services", show: (actor) => can(actor, "shaping.menu") },
  { section: "panels", href: "/panels", label: "My panels" },
  { section: "establishment", href: "/establishment", label: "My establishment" },
  { section: "contracts", href: "/contracts", label: "Contracts" },
  { section: "agreements", href: "/agreements", label: "Agreements" },
  { section: "time", href: "/time", label: "Paid time" },
  { section: "opportunities", href: "/opportunities", label: "Open tenders" },
  { section: "admin", href: "/admin/users", label: "Users" },
  { section: "admin", href: "/admin/organisations", label: "Organisations" },
  { section: "outbox", href: "/admin/outbox", label: "Outbox" },
  { section: "admin", href: "/admin/audit", label: "Audit log" },
  { section: "welcome", href: "/welcome", label: "About your role and your data" },
  { section: "account", href: "/account", label: "My account" },
];

/**
 * The signed-in header (name, sign out) and main menu: on every portal page,
 * and on public pages such as the word list when someone signed in reads them.
 */
export async function PortalHeader({ actor }: { actor: Actor }) {
  // Before a young commissioner has agreed, the welcome page is the only place to go.
  const allowed = (await needsConsent(actor)) ? [] : NAV.filter((n) => canUseSection(actor, n.section) && (n.show?.(actor) ?? true));
  // Young commissioners always have the word list to hand.
  const links = can(actor, "time.log") ? [...allowed, { section: "panels" as const, href: "/words", label: "Words we use" }] : allowed;
  return (
    <>
      <SiteHeader>
        <div className="flex flex-wrap items-center gap-3 text-base">
          <span>
            {actor.name} <span className="opacity-80">({ROLE_LABELS[actor.role]})</span>
          </span>
          <form action={signOutAction}>
            <button type="submit" className="underline focus:bg-yellow-400 focus:text-slate-900 focus:outline-4 focus:outline-yellow-400">
              Sign out
            </button>
          </form>
        </div>
      </SiteHeader>
      {links.length > 0 && (
        <nav aria-label="Main" className="print:hidden border-b border-slate-300 bg-white">
          <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 gap-y-1 px-4 py-2">
            {links.map((link) => (
              <li key={link.href}>
                <NavLink href={link.href}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
