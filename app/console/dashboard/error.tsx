"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function DashboardError(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="dashboard.errorPage" backHref="/console" />;
}
