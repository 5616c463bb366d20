import { PageSkeleton } from "@/components/ui/page-skeleton";

// Pending handovers first, then the end-of-shift form and the history.
export default function Loading() {
  return (
    <PageSkeleton
      blocks={[
        "h-8 w-1/3 rounded",
        "h-28 rounded-2xl",
        "h-72 rounded-2xl",
        { rows: 5, row: "h-11 rounded", card: true },
      ]}
    />
  );
}
