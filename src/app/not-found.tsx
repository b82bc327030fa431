import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="mb-4 text-3xl font-bold">Page not found</h1>
        <p className="mb-4">If you typed the web address, check it is correct. If you followed a link, it may be out of date.</p>
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </main>
    </>
  );
}
