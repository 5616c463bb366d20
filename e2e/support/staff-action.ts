// Runs staff workflow steps through the real data layer (lib/workflow), as the staff console will.
// Executed by the e2e fixtures in a child process with `--conditions=react-server`, because lib/db
// is server-only. Input: one JSON argument { number, reviewerId, steps: ("ADVANCE" | "REQUEST_SUPPLEMENT")[] }.
import { db } from "@/lib/db";
import { performTransition, requestSupplement } from "@/lib/workflow/mutations";

type Step = "ADVANCE" | "REQUEST_SUPPLEMENT";

async function main() {
  const { number, reviewerId, steps } = JSON.parse(process.argv[2] ?? "{}") as {
    number: string;
    reviewerId: string;
    steps: Step[];
  };
  const viewer = await db.user.findUniqueOrThrow({
    where: { id: reviewerId },
    select: { id: true, role: true },
  });
  // Reviewers act on cases assigned to them: arrange that, as a supervisor would in the console
  // (the demo rota may have given the case to whoever is on duty).
  await db.application.updateMany({
    where: { number, OR: [{ assigneeId: null }, { assigneeId: { not: reviewerId } }] },
    data: { assigneeId: reviewerId, version: { increment: 1 } },
  });
  for (const step of steps) {
    const current = await db.application.findUniqueOrThrow({
      where: { number },
      select: { id: true, version: true },
    });
    const common = { applicationId: current.id, expectedVersion: current.version, viewer };
    if (step === "ADVANCE") {
      await performTransition({
        ...common,
        transition: "ADVANCE",
        input: { publicNote: "Your documents are being checked." },
      });
    } else {
      await requestSupplement({
        ...common,
        items: [
          { problem: "The hospital letter is not signed", suggestion: "Upload a signed and stamped copy" },
        ],
        dueAt: new Date(Date.now() + 24 * 60 * 60 * 1000),
        publicNote: "Please send a signed hospital letter.",
      });
    }
  }
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
