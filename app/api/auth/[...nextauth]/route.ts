import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { withoutUntrustedForwarding } from "@/lib/security/proxy-trust";

const handler = (request: Request, context: { params: Promise<{ nextauth: string[] }> }) =>
  NextAuth(withoutUntrustedForwarding(request) as never, context as never, authOptions());

export { handler as GET, handler as POST };
