import { createHash, randomBytes, randomInt } from 'node:crypto';

// Join codes avoid letters that read alike (I/O/L/U): a teacher can read them out to a room.
const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTVWXYZ';

export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < 5; i++) code += CODE_LETTERS[randomInt(CODE_LETTERS.length)];
  return code;
}

/** A secret for a seat or a facilitator: 24 random bytes, URL-safe. */
export function newSecret(): string {
  return randomBytes(24).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A match id that sorts by creation time and cannot be guessed. */
export function newMatchId(now: number): string {
  return `m${now.toString(36)}${randomBytes(5).toString('hex')}`;
}

/** The server picks a match's seed when the creator gives none; it is recorded in the log. */
export function newSeed(): string {
  return randomBytes(9).toString('base64url');
}
