import { problemResponse } from "@/lib/api/problem";
import { localeFromAcceptLanguage } from "@/lib/i18n/config";
import { routeHandler } from "@/lib/observability/route-handler";

// Anything under /api/v1 that no route answers: a problem+json 404 like the rest of the API, not
// the web's HTML page (an API client cannot read that).
const notFound = routeHandler("api.notFound", (request: Request) =>
  problemResponse("not_found", localeFromAcceptLanguage(request.headers.get("accept-language"))),
);

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
