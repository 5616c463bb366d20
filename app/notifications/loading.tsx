import { PageSkeleton } from "@/components/ui/page-skeleton";

// The list's shape while it loads, so the page does not jump when the items arrive.
export default function Loading() {
  return <PageSkeleton blocks={["h-8 w-1/3 rounded", { rows: 5, row: "h-28 rounded-xl" }]} />;
}
