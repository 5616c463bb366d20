import type { DescribedEntry, Segment } from "@/lib/audit/describe-entry";
import { TextLink } from "@/components/ui/text-link";

export function Segments({ segments }: { segments: Segment[] }) {
  return segments.map((segment, index) =>
    segment.href ? (
      <TextLink key={index} href={segment.href} size="inherit" inline>
        {segment.text}
      </TextLink>
    ) : (
      <span key={index}>{segment.text}</span>
    ),
  );
}

/** An audit row's details in words, one labelled line each; empty values were left out already. */
export function AuditDetails({ lines, colon }: { lines: DescribedEntry["lines"]; colon: string }) {
  if (lines.length === 0) return <span className="text-slate-500">—</span>;
  return (
    <dl className="flex flex-col gap-0.5 text-xs">
      {lines.map((line, index) => (
        <div key={index} className="break-words">
          <dt className="inline text-slate-600">
            {line.label}
            {colon}
          </dt>
          <dd className="inline text-slate-900">
            <Segments segments={line.value} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
