import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return (
    <PageSkeleton
      blocks={["h-8 w-1/2 rounded", "h-40 rounded-2xl", { rows: 4, row: "h-11 rounded", card: true }]}
    />
  );
}
