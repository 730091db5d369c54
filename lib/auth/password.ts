import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with its default cost.
export const hashPassword = (password: string) => hash(password);

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Spend about as long as a real check, so a missing account does not answer faster. */
const DUMMY_HASH = hash("suara-timing-equaliser");
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verify(await DUMMY_HASH, password).catch(() => false);
  return false;
}
