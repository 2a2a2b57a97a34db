import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Application, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { BOT_DIFFICULTIES, BOT_STRATEGIES } from '../../shared/domain/ids';
import { RuleError } from '../../shared/domain/errors';
import type { Logger } from '../config';
import { RequestError, type MatchRegistry } from '../match/MatchRegistry';
import type { MatchRecord } from '../store/EventStore';
import { placeholderPage } from './placeholderPage';
import { redactLive } from './redact';
import { fold } from '../../shared/replay/fold';
import { exportCsv, summarize } from './summaries';
import { matchFile } from '../../shared/replay/matchFile';
import { matchOver } from '../../shared/rules/reveal';
import { mountFork } from './forkRoute';
import { logFor } from './heldBack';
import { mountSessions, seedField } from './sessions';
import { eventLoopDelay, watchEventLoop } from '../eventLoopDelay';

const createSchema = z.strictObject({
  seats: z.number().int().min(1).max(8),
  bots: z.array(z.strictObject({ strategy: z.enum(BOT_STRATEGIES), difficulty: z.enum(BOT_DIFFICULTIES) })).max(8).default([]),
  winLoops: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  planningSeconds: z.number().int().min(0).max(3600).default(90),
  quarters: z.number().int().min(1).max(60).optional(),
  seed: seedField.optional(),
  classroom: z.boolean().default(false),
  spectatorDelay: z.number().int().min(0).max(60).optional(),
  stagedReveal: z.boolean().optional(),
});

const statusSchema = z.enum(['waiting', 'live', 'finished']).optional();
const formatSchema = z.enum(['json', 'csv']).default('json');

export interface ApiContext {
  registry: MatchRegistry;
  log: Logger;
  /** Opens the live room of a newly created match. */
  openRoom(matchId: string): Promise<void>;
  /** Where the built client lives (dist/client); a placeholder page is served without it. */
  clientDir: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

export function mountApi(app: Application, ctx: ApiContext): void {
  const { registry } = ctx;
  watchEventLoop();
  app.use('/api', express.json({ limit: '16kb' }));

  async function recordOf(req: Request): Promise<MatchRecord> {
    const record = await registry.find(String(req.params.id));
    if (!record) throw new HttpError(404, 'MATCH_NOT_FOUND', `There is no match "${String(req.params.id)}".`);
    return record;
  }

  /** The live state for a loaded match (its record's version too), else a fold of the stored log. */
  async function stateFor(record: MatchRecord) {
    const loaded = registry.loaded().find((h) => h.matchId === record.matchId);
    if (loaded) {
      record.version = loaded.version;
      return loaded.current;
    }
    return fold(await registry.store.read(record.matchId));
  }

  app.get('/api/health', async (_req, res) => {
    const open = registry.loaded().filter((h) => !matchOver(h.current)).length;
    res.json({ ok: true, store: registry.store.kind, matchesOpen: open, eventLoopDelayMs: eventLoopDelay() });
  });

  app.post('/api/matches', async (req, res) => {
    const parsed = createSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw new HttpError(400, 'BAD_REQUEST', issues(parsed.error));
    const created = await registry.create(parsed.data);
    await ctx.openRoom(created.matchId);
    ctx.log.info('match created', { matchId: created.matchId, seats: parsed.data.seats, bots: parsed.data.bots.length });
    res.status(201).json(created);
  });

  mountSessions(app, registry, ctx.openRoom, (message) => new HttpError(400, 'BAD_REQUEST', message));

  app.get('/api/matches', async (req, res) => {
    const status = statusSchema.safeParse(req.query.status);
    if (!status.success) throw new HttpError(400, 'BAD_REQUEST', 'status must be waiting, live or finished.');
    const records = await registry.store.listMatches(status.data ? { status: status.data, limit: 100 } : { limit: 100 });
    res.json(await Promise.all(records.map(async (r) => summarize(r, await stateFor(r)))));
  });

  app.get('/api/matches/:id', async (req, res) => {
    const record = await recordOf(req);
    const state = await stateFor(record);
    const visible = await logFor(registry, record, req, state);
    res.json(summarize(record, visible.held ? fold(visible.log) : state));
  });

  app.get('/api/matches/:id/events', async (req, res) => {
    const record = await recordOf(req);
    const { log } = await logFor(registry, record, req);
    const live = record.status !== 'finished';
    res.type('application/x-ndjson');
    res.send(log.map((e) => JSON.stringify(live ? redactLive(e) : e)).join('\n') + (log.length ? '\n' : ''));
  });

  app.get('/api/matches/:id/export', async (req, res) => {
    const format = formatSchema.safeParse(req.query.format);
    if (!format.success) throw new HttpError(400, 'BAD_REQUEST', 'format must be json or csv.');
    const record = await recordOf(req);
    const { log } = await logFor(registry, record, req);
    if (format.data === 'csv') {
      res.type('text/csv').attachment(`closed-loop-${record.matchId}.csv`).send(exportCsv(log));
      return;
    }
    const live = record.status !== 'finished';
    const final = fold(log);
    res.attachment(`closed-loop-${record.matchId}.json`).json(matchFile(summarize(record, final), live, live ? log.map(redactLive) : log, final));
  });

  mountFork(app, registry, ctx.openRoom, (message) => new HttpError(400, 'BAD_REQUEST', message));

  app.use('/api', (_req, _res, next) => next(new HttpError(404, 'NOT_FOUND', 'No such API route.')));

  // The built client (npm run build), with client-side routes falling back to its page.
  const clientIndex = join(ctx.clientDir, 'index.html');
  if (existsSync(clientIndex)) {
    app.use(express.static(ctx.clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(['/match/:id', '/replay', '/replay/:id', '/console', '/console/:id'], (_req, res) => res.sendFile(clientIndex));
  } else {
    app.get('/', (_req, res) => {
      res.type('html').send(placeholderPage());
    });
  }

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) return void res.status(err.status).json({ error: err.code, message: err.message });
    if (err instanceof RequestError || err instanceof RuleError)
      return void res.status(400).json({ error: err.code, message: err.message });
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed') return void res.status(400).json({ error: 'BAD_JSON', message: 'The body is not valid JSON.' });
    if (e.type === 'entity.too.large') return void res.status(413).json({ error: 'TOO_LARGE', message: 'Request bodies are limited to 16 KiB.' });
    ctx.log.error('request failed', { error: String(e.message ?? err) });
    res.status(500).json({ error: 'INTERNAL', message: 'Something went wrong on the server.' });
  });
}
