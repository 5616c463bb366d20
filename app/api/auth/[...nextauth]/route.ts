import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { unreadableCallbackUrl } from "@/lib/http/callback-url-guard";
import { routeHandler } from "@/lib/observability/route-handler";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

const guarded = routeHandler(
  "auth",
  async (request: Request, context: Context): Promise<Response> =>
    unreadableCallbackUrl(request) ?? (handler(request, context) as Promise<Response>),
);

export { guarded as GET, guarded as POST };
