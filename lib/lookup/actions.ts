"use server";

import { formAction, refuse } from "@/lib/action-pipeline/pipeline";
import { failure, type ActionResult } from "@/lib/action-result";
import { UserFacingError } from "@/lib/errors";
import { provenBrowserKeyFor, rememberProvenBrowser } from "@/lib/rate-limit/proven-browser-cookie";
import { findOwnCaseNumber } from "./data";
import { lookupCase } from "./lookup";
import type { PublicCaseView } from "./public-view";
import { applicationNumberSchema, lookupSchema } from "./schema";
import { shareLinkKey, signShareToken } from "./share-token";
import { lookupProofSubject } from "./throttle";

export type TrackActionResult =
  ActionResult<PublicCaseView> | { ok: false; message: "track.throttled"; retryAfterSeconds: number };

/**
 * The /track form. Anonymous by design: no session. The ID number arrives in the POST body of the
 * action, is hashed in lookupCase and never logged or returned. Server Action answers are never
 * cached (POST, dynamic page). The attempts are reserved inside lookupCase (decision 008): a correct
 * answer gives its attempt back there, and a proven browser is limited on its own key.
 */
export const trackCase = formAction({
  name: "lookup.track",
  access: "public",
  schema: lookupSchema,
  fields: (formData) => ({
    number: formData.get("number"),
    idType: formData.get("idType"),
    idNumber: formData.get("idNumber"),
  }),
  run: async ({ data, ip }) => {
    const now = new Date();
    const subject = lookupProofSubject(data.number);
    const provenBrowser = await provenBrowserKeyFor(subject, now);
    const result = await lookupCase({ ...data, ip, provenBrowser, now });
    if (result.ok) {
      // This browser now knows the ID number: later lookups from it are limited on its own key.
      await rememberProvenBrowser(subject, now);
      return result.view;
    }
    if (result.reason === "throttled")
      return refuse({
        ok: false as const,
        message: "track.throttled" as const,
        retryAfterSeconds: result.retryAfterSeconds,
      });
    throw new UserFacingError("track.notFound");
  },
});

/** The applicant makes a short-lived link to their own case's public view, to send to family. */
export const createShareLink = formAction({
  name: "lookup.createShareLink",
  access: "signedIn",
  schema: applicationNumberSchema,
  fields: (formData) => formData.get("number"),
  invalid: () => failure("track.share.unavailable"),
  run: async ({ viewer, data }) => {
    // Ownership is checked in the data layer: someone else's number is the same as an unknown one.
    const number = await findOwnCaseNumber(viewer, data);
    if (!number) throw new UserFacingError("track.share.unavailable");
    const { token, expiresAt } = signShareToken(number, new Date(), shareLinkKey());
    return { path: `/track/s/${token}`, expiresAt };
  },
});
