"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function RotaSegmentError(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="rota.errorPage" backHref="/console" />;
}
