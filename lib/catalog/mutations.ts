import "server-only";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/mutations";
import { assertArea, type Viewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { UserFacingError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  TARGET_NODES,
  type CreateServiceInput,
  type EvidenceInput,
  type UpdateServiceInput,
  type UpdateTierInput,
} from "./admin-schema";

type Tx = Prisma.TransactionClient;
type LockedService = { id: string; code: string; requires_expert_review: boolean };

export const SERVICE_NOT_FOUND = "admin.catalog.errors.notFound";
const SERVICE_FIELDS = [
  "nameZh",
  "nameEn",
  "descriptionZh",
  "descriptionEn",
  "baseFeeMinor",
  "requiresExpertReview",
  "active",
  "sortOrder",
  "loadThreshold",
] as const;

/** Serializes concurrent edits of one service (tier targets, evidence order) for the transaction's length. */
async function lockService(tx: Tx, serviceId: string): Promise<LockedService> {
  if (!z.uuid().safeParse(serviceId).success) throw new UserFacingError(SERVICE_NOT_FOUND);
  const rows = await tx.$queryRaw<
    LockedService[]
  >`SELECT id, code, requires_expert_review FROM service_type WHERE id = ${serviceId}::uuid FOR UPDATE`;
  if (!rows[0]) throw new UserFacingError(SERVICE_NOT_FOUND);
  return rows[0];
}

/** Only what changed, as { field: { from, to } }: the audit row says what the admin did, not the whole form. */
function changesOf<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && before[key] !== value) changes[key] = { from: before[key] ?? null, to: value };
  }
  return changes;
}

const audit = (
  tx: Tx,
  viewer: Viewer,
  service: { id: string; code: string },
  action: string,
  details: Record<string, unknown>,
) =>
  recordAudit(tx, {
    actorId: viewer.id,
    action: `catalog.${action}`,
    entityType: "service",
    entityId: service.id,
    details: { code: service.code, ...details } as Prisma.InputJsonValue,
  });

/** A new service starts inactive with a standard tier, so it is only offered once an admin has completed it. */
export async function createService(viewer: Viewer, input: CreateServiceInput): Promise<{ id: string }> {
  assertArea(viewer, "admin");
  const { processingHours, ...fields } = input;
  try {
    return await db.$transaction(async (tx) => {
      const service = await tx.serviceType.create({
        data: {
          ...fields,
          active: false,
          tiers: { create: { tier: "STANDARD", surchargeMinor: 0, processingHours } },
        },
        select: { id: true, code: true },
      });
      await audit(tx, viewer, service, "serviceCreated", {
        nameEn: input.nameEn,
        baseFeeMinor: input.baseFeeMinor,
      });
      return { id: service.id };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new UserFacingError("errors.checkFields", { code: ["admin.catalog.errors.codeTaken"] });
    }
    throw error;
  }
}

export async function updateService(viewer: Viewer, input: UpdateServiceInput): Promise<{ changed: number }> {
  assertArea(viewer, "admin");
  const { serviceId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const locked = await lockService(tx, serviceId);
    const before = await tx.serviceType.findUniqueOrThrow({
      where: { id: locked.id },
      select: Object.fromEntries(SERVICE_FIELDS.map((key) => [key, true])),
    });
    const changes = changesOf(before as Record<string, unknown>, fields);
    if (Object.keys(changes).length === 0) return { changed: 0 };
    await tx.serviceType.update({ where: { id: locked.id }, data: fields, select: { id: true } });
    await audit(tx, viewer, locked, "serviceUpdated", { changes });
    return { changed: Object.keys(changes).length };
  });
}

/**
 * Saves one tier and its node targets together: a blank target removes the row. The expert review
 * target is left alone for services without expert review (it would never apply).
 */
export async function updateTier(viewer: Viewer, input: UpdateTierInput): Promise<{ changed: number }> {
  assertArea(viewer, "admin");
  return db.$transaction(async (tx) => {
    const service = await lockService(tx, input.serviceId);
    const existing = await tx.serviceTier.findUnique({
      where: { serviceId_tier: { serviceId: service.id, tier: input.tier } },
      select: {
        id: true,
        surchargeMinor: true,
        processingHours: true,
        available: true,
        nodeTargets: { select: { node: true, targetMinutes: true } },
      },
    });
    const fields = {
      surchargeMinor: input.surchargeMinor,
      processingHours: input.processingHours,
      available: input.available,
    };
    const nodes = TARGET_NODES.filter((node) => node !== "EXPERT_REVIEW" || service.requires_expert_review);
    const beforeTargets = Object.fromEntries(
      (existing?.nodeTargets ?? []).map((row) => [`targets.${row.node}`, row.targetMinutes]),
    );
    const afterTargets = Object.fromEntries(nodes.map((node) => [`targets.${node}`, input.targets[node]]));
    const changes = {
      ...changesOf<Record<string, unknown>>(existing ?? {}, fields),
      ...changesOf<Record<string, unknown>>(beforeTargets, afterTargets),
    };
    // null → null is no change (changesOf reads a missing "before" as null).
    for (const [key, change] of Object.entries(changes))
      if (change.from === null && change.to === null) delete changes[key];
    if (existing && Object.keys(changes).length === 0) return { changed: 0 };

    const tier = await tx.serviceTier.upsert({
      where: { serviceId_tier: { serviceId: service.id, tier: input.tier } },
      create: { serviceId: service.id, tier: input.tier, ...fields },
      update: fields,
      select: { id: true },
    });
    const cleared = nodes.filter((node) => input.targets[node] === null);
    await tx.nodeTarget.deleteMany({ where: { serviceTierId: tier.id, node: { in: cleared } } });
    for (const node of nodes) {
      const targetMinutes = input.targets[node];
      if (targetMinutes === null) continue;
      await tx.nodeTarget.upsert({
        where: { serviceTierId_node: { serviceTierId: tier.id, node } },
        create: { serviceTierId: tier.id, node, targetMinutes },
        update: { targetMinutes },
        select: { id: true },
      });
    }
    await audit(tx, viewer, service, "tierUpdated", { tier: input.tier, changes });
    return { changed: Object.keys(changes).length };
  });
}

async function lockRequirement(tx: Tx, requirementId: string) {
  if (!z.uuid().safeParse(requirementId).success) throw new UserFacingError(SERVICE_NOT_FOUND);
  const find = () =>
    tx.evidenceRequirement.findUnique({
      where: { id: requirementId },
      select: { id: true, serviceId: true, kind: true, labelZh: true, labelEn: true, required: true },
    });
  const owner = await find();
  if (!owner) throw new UserFacingError(SERVICE_NOT_FOUND);
  const service = await lockService(tx, owner.serviceId);
  // Read again under the service's lock: another admin may have removed it in between.
  const requirement = await find();
  if (!requirement) throw new UserFacingError(SERVICE_NOT_FOUND);
  return { requirement, service };
}

/** Rewrites sortOrder as 0, 1, 2 … in the given order, so the list never has gaps or ties. */
async function renumber(tx: Tx, ids: string[]) {
  for (const [sortOrder, id] of ids.entries())
    await tx.evidenceRequirement.update({ where: { id }, data: { sortOrder }, select: { id: true } });
}

const orderedIds = async (tx: Tx, serviceId: string) =>
  (
    await tx.evidenceRequirement.findMany({
      where: { serviceId },
      orderBy: [{ sortOrder: "asc" }, { id: "asc" }],
      select: { id: true },
    })
  ).map((row) => row.id);

export async function addEvidenceRequirement(viewer: Viewer, input: EvidenceInput): Promise<{ id: string }> {
  assertArea(viewer, "admin");
  const { serviceId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const service = await lockService(tx, serviceId);
    const count = await tx.evidenceRequirement.count({ where: { serviceId: service.id } });
    const created = await tx.evidenceRequirement.create({
      data: { serviceId: service.id, ...fields, sortOrder: count },
      select: { id: true },
    });
    await renumber(tx, await orderedIds(tx, service.id));
    await audit(tx, viewer, service, "evidenceAdded", { requirementId: created.id, ...fields });
    return created;
  });
}

type ServiceRef = { serviceId: string };

export async function updateEvidenceRequirement(
  viewer: Viewer,
  input: Omit<EvidenceInput, "serviceId"> & { requirementId: string },
): Promise<ServiceRef> {
  assertArea(viewer, "admin");
  const { requirementId, ...fields } = input;
  return db.$transaction(async (tx) => {
    const { requirement, service } = await lockRequirement(tx, requirementId);
    const changes = changesOf<Record<string, unknown>>(requirement, fields);
    if (Object.keys(changes).length > 0) {
      await tx.evidenceRequirement.update({
        where: { id: requirement.id },
        data: fields,
        select: { id: true },
      });
      await audit(tx, viewer, service, "evidenceUpdated", { requirementId, changes });
    }
    return { serviceId: service.id };
  });
}

export async function removeEvidenceRequirement(viewer: Viewer, requirementId: string): Promise<ServiceRef> {
  assertArea(viewer, "admin");
  return db.$transaction(async (tx) => {
    const { requirement, service } = await lockRequirement(tx, requirementId);
    await tx.evidenceRequirement.delete({ where: { id: requirement.id }, select: { id: true } });
    await renumber(tx, await orderedIds(tx, service.id));
    await audit(tx, viewer, service, "evidenceRemoved", {
      requirementId,
      kind: requirement.kind,
      labelEn: requirement.labelEn,
    });
    return { serviceId: service.id };
  });
}

export async function moveEvidenceRequirement(
  viewer: Viewer,
  args: { requirementId: string; direction: "up" | "down" },
): Promise<ServiceRef> {
  assertArea(viewer, "admin");
  return db.$transaction(async (tx) => {
    const { requirement, service } = await lockRequirement(tx, args.requirementId);
    const ids = await orderedIds(tx, service.id);
    const from = ids.indexOf(requirement.id);
    const to = args.direction === "up" ? from - 1 : from + 1;
    if (to >= 0 && to < ids.length) {
      [ids[from], ids[to]] = [ids[to]!, ids[from]!];
      await renumber(tx, ids);
      await audit(tx, viewer, service, "evidenceReordered", {
        requirementId: requirement.id,
        direction: args.direction,
        position: to + 1,
      });
    }
    return { serviceId: service.id };
  });
}
