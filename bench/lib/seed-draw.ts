// Shared by the bulk seeds (queue-seed.ts, seed-cases.ts): values from md5 of the row number, so a
// run is reproducible and needs no session state (setseed) across statements.

/** A deterministic number in [0, 1) for row g.i; `salt` gives each column its own draw. */
export const draw = (salt: string) =>
  `(('x' || substr(md5(g.i::text || '${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/** The nodes an open case can be in, in workflow order. */
export const OPEN_NODES = [
  "SUBMITTED",
  "MATERIAL_CHECK",
  "AWAITING_SUPPLEMENT",
  "SUBSTANTIVE_REVIEW",
  "EXPERT_REVIEW",
  "DECISION",
  "RESULT_NOTIFIED",
];
