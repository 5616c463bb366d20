"use client";

import { SegmentError, type ErrorBoundaryProps } from "@/components/ui/segment-error";

export default function WebhooksError(props: ErrorBoundaryProps) {
  return <SegmentError {...props} messages="admin.errorPage" backHref="/console/admin/webhooks" />;
}
