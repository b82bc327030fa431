import Link from "next/link";

// What the 403 and 404 pages say. Inside the portal or public layouts they are
// rendered within that layout's header and <main>; the root files add both
// only for addresses that match no page at all.

export function NotFoundMessage() {
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">Page not found</h1>
      <p className="mb-4">If you typed the web address, check it is correct. If you followed a link, it may be out of date.</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}

export function ForbiddenMessage() {
  return (
    <>
      <h1 className="mb-4 text-3xl font-bold">You cannot see this page</h1>
      <p className="mb-4">Your account does not have permission to use this part of CoCommission (error 403).</p>
      <p>
        <Link href="/">Go to your home page</Link>
      </p>
    </>
  );
}
