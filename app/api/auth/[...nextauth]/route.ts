import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { untrustedForwardingReplaced } from "@/lib/security/proxy-trust";

const handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => {
  const headers = untrustedForwardingReplaced(request.headers);
  // next-auth reads NextRequest's own fields (nextUrl), so the copy must be one too.
  const seen = headers ? new NextRequest(request, { headers }) : request;
  // next-auth types every handler's answer as any; on the App Router it is a Response.
  return NextAuth(seen as never, context as never, authOptions()) as Promise<Response>;
};

export { handler as GET, handler as POST };
