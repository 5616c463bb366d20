"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function ErrorPage(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="errorPage" />;
}
