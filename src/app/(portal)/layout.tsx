import type { ReactNode } from "react";
import { PortalHeader } from "@/app/portal-header";
import { requireSignedIn } from "@/server/auth/session";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireSignedIn();
  return (
    <>
      <PortalHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
