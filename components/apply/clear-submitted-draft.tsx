"use client";

import { useEffect } from "react";
import { clearDraft } from "./draft-storage";

/**
 * On the confirmation page: the application is in, so its draft (and the ID number kept for the
 * tab) goes. Only the draft with this submission key: a newer draft for the same service stays.
 */
export function ClearSubmittedDraft({
  userId,
  serviceCode,
  submissionKey,
}: {
  userId: string;
  serviceCode: string;
  submissionKey: string;
}) {
  useEffect(() => {
    clearDraft({ userId, serviceCode }, submissionKey);
  }, [userId, serviceCode, submissionKey]);
  return null;
}
