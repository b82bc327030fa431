import { SiteHeader } from "@/components/site-header";
import { NotFoundMessage } from "@/components/status-pages";

// An address that matches no page: only the root layout is around this.
export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <NotFoundMessage />
      </main>
    </>
  );
}
