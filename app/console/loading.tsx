import { PageSkeleton } from "@/components/ui/page-skeleton";

// The queue's shape while it loads, so the page does not jump when the rows arrive.
export default function Loading() {
  return (
    <PageSkeleton
      blocks={[
        "h-8 w-1/3 rounded",
        "h-40 rounded-2xl sm:h-28",
        "h-11 rounded-full",
        { rows: 8, row: "h-11 rounded", card: true },
      ]}
    />
  );
}
