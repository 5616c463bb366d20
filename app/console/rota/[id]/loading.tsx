import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function Loading() {
  return <PageSkeleton blocks={["h-8 w-1/3 rounded", "h-72 rounded-2xl"]} />;
}
