import { SiteHeader } from "@/components/site-header";
import { ForbiddenMessage } from "@/components/status-pages";

// forbidden() outside the portal and public layouts: only the root layout is around this.
export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <ForbiddenMessage />
      </main>
    </>
  );
}
