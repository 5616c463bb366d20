import { NotAuthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { canAccess, type Area } from "./roles";

/** Who is asking: every data function takes one and checks it, whatever the page already checked. */
export type Viewer = { id: string; role: Role };

export function assertArea(viewer: Viewer | null | undefined, area: Area): asserts viewer is Viewer {
  if (!viewer || !canAccess(viewer.role, area)) throw new NotAuthorizedError();
}
