import { getTranslations } from "next-intl/server";
import type { Viewer } from "@/lib/auth/viewer";
import { countPendingHandovers } from "@/lib/handover/data";
import { TextLink } from "@/components/ui/text-link";

/**
 * For the top of /console: tells reviewers and supervisors that a handover from a colleague waits
 * for acknowledgement. Renders nothing otherwise (and for administrators).
 */
export async function PendingHandoverBanner({ viewer }: { viewer: Viewer }) {
  const count = await countPendingHandovers(viewer);
  if (count === 0) return null;
  const t = await getTranslations("rota.handover.banner");
  return (
    <div
      role="status"
      className="mb-4 flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 sm:flex-row sm:items-center sm:justify-between"
    >
      <p>{t("text", { count })}</p>
      <TextLink href="/console/handover" size="inherit">
        {t("link")}
      </TextLink>
    </div>
  );
}
