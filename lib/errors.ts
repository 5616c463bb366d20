/** An expected failure whose message key is safe to show (translated) to the user. */
export class UserFacingError extends Error {
  constructor(
    readonly messageKey: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(messageKey);
    this.name = "UserFacingError";
  }
}

export class NotAuthorizedError extends UserFacingError {
  constructor() {
    super("errors.notAuthorized");
    this.name = "NotAuthorizedError";
  }
}
