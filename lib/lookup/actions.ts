"use server";

import { headers } from "next/headers";
import { failure, invalidInput, type ActionResult } from "@/lib/action-result";
import { getCurrentUser } from "@/lib/auth/session";
import { UserFacingError } from "@/lib/errors";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { provenBrowserKeyFor, rememberProvenBrowser } from "@/lib/rate-limit/proven-browser-cookie";
import { findOwnCaseNumber } from "./data";
import { lookupCase } from "./lookup";
import type { PublicCaseView } from "./public-view";
import { applicationNumberSchema, lookupSchema } from "./schema";
import { shareLinkKey, signShareToken } from "./share-token";
import { lookupProofSubject } from "./throttle";
import { isFormData, malformedRequest } from "@/lib/validation/action-input";

export type TrackActionResult =
  ActionResult<PublicCaseView> | { ok: false; message: "track.throttled"; retryAfterSeconds: number };

/**
 * The /track form. Anonymous by design: no session. The ID number arrives in the POST body of the
 * action, is hashed in lookupCase and never logged or returned. Server Action answers are never
 * cached (POST, dynamic page).
 */
export async function trackCase(_previous: unknown, formData: FormData): Promise<TrackActionResult> {
  if (!isFormData(formData)) return malformedRequest();
  const parsed = lookupSchema.safeParse({
    number: formData.get("number"),
    idType: formData.get("idType"),
    idNumber: formData.get("idNumber"),
  });
  if (!parsed.success) return invalidInput(parsed.error);
  const now = new Date();
  const subject = lookupProofSubject(parsed.data.number);
  const provenBrowser = await provenBrowserKeyFor(subject, now);
  const result = await lookupCase({
    ...parsed.data,
    ip: clientIpFromHeaders(await headers()),
    provenBrowser,
    now,
  });
  if (result.ok) {
    // This browser now knows the ID number: later lookups from it are limited on its own key.
    await rememberProvenBrowser(subject, now);
    return { ok: true, data: result.view };
  }
  if (result.reason === "throttled")
    return { ok: false, message: "track.throttled", retryAfterSeconds: result.retryAfterSeconds };
  return failure("track.notFound");
}

/** The applicant makes a short-lived link to their own case's public view, to send to family. */
export async function createShareLink(
  _previous: unknown,
  formData: FormData,
): Promise<ActionResult<{ path: string; expiresAt: Date }>> {
  if (!isFormData(formData)) return malformedRequest();
  const user = await getCurrentUser();
  if (!user) return failure("errors.notAuthorized");
  const parsed = applicationNumberSchema.safeParse(formData.get("number"));
  if (!parsed.success) return failure("track.share.unavailable");
  try {
    // Ownership is checked in the data layer: someone else's number is the same as an unknown one.
    const number = await findOwnCaseNumber(user, parsed.data);
    if (!number) return failure("track.share.unavailable");
    const { token, expiresAt } = signShareToken(number, new Date(), shareLinkKey());
    return { ok: true, data: { path: `/track/s/${token}`, expiresAt } };
  } catch (error) {
    if (error instanceof UserFacingError) return failure(error.messageKey, error.fieldErrors);
    throw error;
  }
}
