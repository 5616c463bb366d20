import { PageSkeleton } from "@/components/ui/page-skeleton";

// The rota's shape while it loads: header, the on-duty panel, then the week in two columns.
export default function Loading() {
  return (
    <PageSkeleton
      blocks={[
        "h-8 w-1/3 rounded",
        "h-32 rounded-2xl",
        { columns: "md:grid-cols-2", blocks: ["h-40 rounded-2xl", "h-40 rounded-2xl"] },
      ]}
    />
  );
}
