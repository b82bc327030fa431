import { NextResponse, type NextRequest } from "next/server";

// Passes the requested path to server components, so a signed-out visitor is
// sent to sign-in and brought back to the page they asked for.
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-cocommission-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|api/).*)"],
};
