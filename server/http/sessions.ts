import type { Application } from 'express';
import { z } from 'zod';
import type { CreatedSession } from '../../shared/wire/http';
import type { MatchRegistry } from '../match/MatchRegistry';
import type { MakingRoutes } from './creationGate';
import { newSecret, newSeed } from '../match/secrets';

/**
 * A match seed as a request gives it: a string, or a whole number (a teacher typing `"seed": 42`),
 * which becomes its decimal string and so the same match as the seed "42".
 */
export const seedField = z.union([
  z.string().trim().min(1).max(128),
  z
    .number()
    .int()
    .refine((n) => Number.isSafeInteger(n), 'must be a whole number between -(2^53 - 1) and 2^53 - 1')
    .transform((n) => String(n)),
]);

/** A class session: several classroom matches with one seed, one scenario and one facilitator key. */
export const sessionSchema = z.strictObject({
  matches: z.number().int().min(1).max(12),
  seats: z.number().int().min(1).max(8),
  winLoops: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  planningSeconds: z.number().int().min(0).max(3600).default(0),
  quarters: z.number().int().min(1).max(60).optional(),
  seed: seedField.optional(),
  stagedReveal: z.boolean().default(false),
  chat: z.boolean().default(true),
});
export type SessionRequest = z.infer<typeof sessionSchema>;

export type { CreatedSession };

/** Creates the session's matches one after another; each opens its own room. */
export async function createSession(
  registry: MatchRegistry,
  req: SessionRequest,
  openRoom: (matchId: string) => Promise<void>,
  opened: (matchId: string) => void = () => undefined,
): Promise<CreatedSession> {
  const seed = req.seed ?? newSeed();
  const facilitatorKey = newSecret();
  const matches: CreatedSession['matches'] = [];
  for (let i = 0; i < req.matches; i++) {
    const created = await registry.create({
      seats: req.seats,
      bots: [],
      winLoops: req.winLoops,
      planningSeconds: req.planningSeconds,
      seed,
      classroom: true,
      stagedReveal: req.stagedReveal,
      chat: req.chat,
      facilitatorKey,
      ...(req.quarters === undefined ? {} : { quarters: req.quarters }),
    });
    opened(created.matchId);
    await openRoom(created.matchId);
    matches.push({ matchId: created.matchId, joinCode: created.joinCode });
  }
  return { facilitatorKey, seed, matches };
}

export function mountSessions(app: Application, { registry, openRoom, creations, parse }: MakingRoutes): void {
  app.post('/api/sessions', async (req, res) => {
    const session = parse(sessionSchema, req.body);
    res.status(201).json(await creations.creating(req, session.matches, (opened) => createSession(registry, session, openRoom, opened)));
  });
}
