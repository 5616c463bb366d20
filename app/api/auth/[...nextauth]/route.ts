import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { unreadableCallbackUrl } from "@/lib/http/callback-url-guard";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

async function guarded(request: Request, context: Context) {
  return unreadableCallbackUrl(request) ?? handler(request, context);
}

export { guarded as GET, guarded as POST };
