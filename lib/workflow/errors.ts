import { UserFacingError } from "@/lib/errors";

/** Shown when the case moved on between loading the page and submitting: the page then reloads it. */
export const CONCURRENT_CHANGE_KEY = "case.errors.concurrentChange";

/** Someone else changed the case since the caller read it (its version moved on). Nothing was written. */
export class ConcurrentChangeError extends UserFacingError {
  constructor() {
    super(CONCURRENT_CHANGE_KEY);
    this.name = "ConcurrentChangeError";
  }
}

/**
 * No such case for this viewer. Applicants get this for other people's cases too, so a guessed
 * number or id never reveals that a case exists.
 */
export class CaseNotFoundError extends UserFacingError {
  constructor() {
    super("case.errors.notFound");
    this.name = "CaseNotFoundError";
  }
}

/** The case is not in a node where this viewer may do this (see transitions.ts). */
export class TransitionNotAllowedError extends UserFacingError {
  constructor() {
    super("case.errors.transitionNotAllowed");
    this.name = "TransitionNotAllowedError";
  }
}

/** A transition's requirement is missing (a reason, itemized problems, a file …); keys per field. */
export class TransitionRequirementError extends UserFacingError {
  constructor(fieldErrors: Record<string, string[]>) {
    super("errors.checkFields", fieldErrors);
    this.name = "TransitionRequirementError";
  }
}
