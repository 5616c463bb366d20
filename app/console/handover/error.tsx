"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function HandoverSegmentError(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="rota.errorPage" backHref="/console" />;
}
