import { Notice } from "@/components/ui/notice";

/**
 * The result of a form, in a live region that exists before the result does (so screen readers
 * announce it when it appears).
 */
export function FormStatus({ failure, success }: { failure?: string | null; success?: string | null }) {
  return (
    <div aria-live="polite" className="empty:hidden">
      {failure ? (
        <Notice tone="error">{failure}</Notice>
      ) : success ? (
        <Notice tone="success">{success}</Notice>
      ) : null}
    </div>
  );
}
