"use client";

import { SiteHeader } from "@/components/site-header";

// Replaces the portal or public layout when a page fails, so it brings the site header back itself.
export default function ErrorPage({ error }: { error: Error & { digest?: string } }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="mb-4 text-3xl font-bold">Sorry, there is a problem with the service</h1>
        <p className="mb-4">Nothing you were doing has been lost unless you had not yet saved it. Try again later.</p>
        {error.digest && <p>If you contact support, quote reference {error.digest}.</p>}
      </main>
    </>
  );
}
