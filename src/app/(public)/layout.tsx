import type { ReactNode } from "react";
import { PortalHeader } from "@/app/portal-header";
import { SiteHeader } from "@/components/site-header";
import { getActor } from "@/server/auth/session";

export default async function PublicLayout({ children }: { children: ReactNode }) {
  // Someone signed in (reading the word list, say) keeps their own header and menu.
  const actor = await getActor();
  return (
    <>
      {actor ? <PortalHeader actor={actor} /> : <SiteHeader />}
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
