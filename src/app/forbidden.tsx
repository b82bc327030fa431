import Link from "next/link";
import { SiteHeader } from "@/components/site-header";

export default function Forbidden() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="mb-4 text-3xl font-bold">You cannot see this page</h1>
        <p className="mb-4">Your account does not have permission to use this part of CoCommission (error 403).</p>
        <p>
          <Link href="/">Go to your home page</Link>
        </p>
      </main>
    </>
  );
}
