"use client";

import { RotaError } from "@/components/rota/rota-error";

export default function HandoverSegmentError(props: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return <RotaError {...props} />;
}
