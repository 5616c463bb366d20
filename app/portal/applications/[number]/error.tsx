"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function CaseError(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="case.errorPage" backHref="/portal" />;
}
