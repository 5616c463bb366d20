import bcrypt from "bcryptjs";

// bcrypt cost 11 is ~150 ms here: slow enough to resist offline guessing, fast enough at 2 cores.
const COST = 11;

// Compared against when the email is unknown, so an unknown email and a wrong password
// take the same time (no account enumeration by timing).
const DUMMY_HASH = "$2b$11$C6UzMDM.H6dfI/f/IKcEeO6ZhFpp3TvEBcZwOa8v1yDwnUVnrMQCO";

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const matches = await bcrypt.compare(password, hash ?? DUMMY_HASH);
  return hash != null && matches;
}
