"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function StaffCaseError(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="workspace.errorPage" backHref="/console" />;
}
