import { NextResponse, type NextRequest } from "next/server";

/** Hands the requested path to server layouts, so a sign-in redirect can bring the user back to it. */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set("x-console-path", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ["/((?!api|emulator|authenticator|_next|favicon).*)"] };
