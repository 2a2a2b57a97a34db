import type { Application } from 'express';
import { z } from 'zod';
import { BOT_DIFFICULTIES, BOT_STRATEGIES } from '../../shared/domain/ids';
import type { MakingRoutes } from './creationGate';

const botSchema = z.strictObject({ strategy: z.enum(BOT_STRATEGIES), difficulty: z.enum(BOT_DIFFICULTIES) });
export const forkSchema = z.strictObject({
  quarter: z.number().int().min(0).max(60),
  seats: z
    .array(z.union([z.strictObject({ kind: z.literal('open') }), z.strictObject({ kind: z.literal('bot'), bot: botSchema })]))
    .min(1)
    .max(8),
  player: z.strictObject({ seat: z.number().int().min(0).max(7), name: z.string().max(64) }).optional(),
});

/** POST /api/matches/:id/fork {quarter, seats}: a what-if match from a finished match's quarter. */
export function mountFork(app: Application, { registry, openRoom, creations, parse }: MakingRoutes): void {
  app.post('/api/matches/:id/fork', async (req, res) => {
    const request = parse(forkSchema, req.body);
    const forked = await creations.creating(req, 1, async (opened) => {
      const made = await registry.fork(String(req.params.id), request);
      opened(made.matchId);
      return made;
    });
    await openRoom(forked.matchId);
    res.status(201).json(forked);
  });
}
