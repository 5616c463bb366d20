import { UserFacingError } from "@/lib/errors";

/** An acknowledge link that is unknown, expired or someone else's: one refusal for all three. */
export class PageLinkError extends UserFacingError {
  constructor() {
    super("rota.paging.linkInvalid");
    this.name = "PageLinkError";
  }
}
