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
import { fold } from '../../shared/replay/fold';
import { exportCsv, joinCodeFor, summarize } from './summaries';
import { publicListing, type MatchListing } from '../match/listing';
import { liveMatchFile, matchFile } from '../../shared/replay/matchFile';
import { disclosureOf, publishedLog, readsBooksOf, seesWholeLog, visibleEvents, type Audience } from '../../shared/views/visibility';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { audienceOf } from './audience';
import { matchOver } from '../../shared/rules/reveal';
import { mountFork } from './forkRoute';
import { mountSessions, seedField } from './sessions';
import { eventLoopDelay, watchEventLoop } from '../eventLoopDelay';
import type { CreationGate, MakingRoutes } from './creationGate';
import { HttpError } from './httpError';

export const createSchema = z.strictObject({
  seats: z.number().int().min(1).max(8),
  bots: z.array(z.strictObject({ strategy: z.enum(BOT_STRATEGIES), difficulty: z.enum(BOT_DIFFICULTIES) })).max(8).default([]),
  winLoops: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  planningSeconds: z.number().int().min(0).max(3600).default(90),
  quarters: z.number().int().min(1).max(60).optional(),
  seed: seedField.optional(),
  classroom: z.boolean().default(false),
  spectatorDelay: z.number().int().min(0).max(60).optional(),
  stagedReveal: z.boolean().optional(),
  chat: z.boolean().optional(),
});

const statusSchema = z.enum(['waiting', 'live', 'finished']).optional();
const formatSchema = z.enum(['json', 'csv']).default('json');

export interface ApiContext {
  registry: MatchRegistry;
  log: Logger;
  /** The per-address rate and the open-match caps of creation requests. */
  creations: CreationGate;
  /** Proxies in front whose X-Forwarded-For is believed (Express's `trust proxy`; 0: none). */
  trustProxyHops: number;
  /** Opens the live room of a newly created match. */
  openRoom(matchId: string): Promise<void>;
  /** Where the built client lives (dist/client); a placeholder page is served without it. */
  clientDir: string;
}

const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');

export function mountApi(app: Application, ctx: ApiContext): void {
  const { registry, creations } = ctx;
  watchEventLoop();
  // req.ip: the socket's peer, unless proxies in front are configured (never a header by default).
  app.set('trust proxy', ctx.trustProxyHops);
  app.post(['/api/matches', '/api/sessions', '/api/matches/:id/fork'], creations.takeToken);
  app.use('/api', express.json({ limit: '16kb' }));

  async function recordOf(req: Request): Promise<MatchRecord> {
    const record = await registry.find(String(req.params.id));
    if (!record) throw new HttpError(404, 'MATCH_NOT_FOUND', `There is no match "${String(req.params.id)}".`);
    return record;
  }

  /** A match's live state (the host's if loaded, its record's version too, else a fold) and its stored log, read at most once. */
  async function matchData(record: MatchRecord) {
    let log: Promise<EventEnvelope[]> | null = null;
    const readLog = () => (log ??= registry.store.read(record.matchId));
    const loaded = registry.loaded().find((h) => h.matchId === record.matchId);
    if (loaded) record.version = loaded.version;
    const state = loaded ? loaded.current : fold(await readLog());
    return { state, d: disclosureOf(state), readLog };
  }

  /**
   * A match's summary as this audience may see it (shared/views/visibility): the state cut behind
   * a spectator delay or a held quarter is folded from the log; no hash of a live state.
   */
  async function summaryFor(record: MatchRecord, audience: Audience, byCode = false) {
    const { state, d, readLog } = await matchData(record);
    if (seesWholeLog(audience, d)) return summarize(record, { state, audience, version: record.version, over: d.over, byCode });
    const seen = visibleEvents(await readLog(), audience, d);
    return summarize(record, { state: fold(seen), audience, version: seen.at(-1)?.seq ?? 0, over: false, byCode });
  }

  /** Who asks, and the match as they may read it: its state, disclosure and stored log. */
  async function readFor(record: MatchRecord, req: Request) {
    const [audience, { state, d, readLog }] = await Promise.all([audienceOf(registry, record, req), matchData(record)]);
    return { audience, state, d, log: await readLog() };
  }

  app.get('/api/health', async (_req, res) => {
    const open = registry.loaded().filter((h) => !matchOver(h.current)).length;
    res.json({ ok: true, store: registry.store.kind, matchesOpen: open, eventLoopDelayMs: eventLoopDelay() });
  });

  const making: MakingRoutes = {
    registry,
    openRoom: ctx.openRoom,
    creations,
    parse(schema, body) {
      const parsed = schema.safeParse(body ?? {});
      if (!parsed.success) throw new HttpError(400, 'BAD_REQUEST', issues(parsed.error));
      return parsed.data;
    },
  };

  app.post('/api/matches', async (req, res) => {
    const request = making.parse(createSchema, req.body);
    const created = await creations.creating(req, 1, async (opened) => {
      const made = await registry.create(request);
      opened(made.matchId);
      return made;
    });
    await ctx.openRoom(created.matchId);
    ctx.log.info('match created', { matchId: created.matchId, seats: request.seats, bots: request.bots.length });
    res.status(201).json(created);
  });

  mountSessions(app, making);

  /** A match's stored public listing; one stored before listings were kept gets it now, once. */
  async function listingFor(record: MatchRecord): Promise<MatchListing> {
    if (record.listing) return JSON.parse(record.listing) as MatchListing;
    const { state, readLog } = await matchData(record);
    const listing = await publicListing(record, state, record.version, readLog);
    await registry.store.saveListing(record.matchId, JSON.stringify(listing));
    return listing;
  }

  app.get('/api/matches', async (req, res) => {
    const status = statusSchema.safeParse(req.query.status);
    if (!status.success) throw new HttpError(400, 'BAD_REQUEST', 'status must be waiting, live or finished.');
    // A class belongs to its class: classroom matches are never listed; nor is a match nobody can join any more.
    const records = await registry.store.listMatches({ listed: true, limit: 100, ...(status.data ? { status: status.data } : {}) });
    // Stored listings: a list reads rows, it folds no log (one still being created has none yet).
    res.json(await Promise.all(records.filter((r) => r.version > 0).map(listingFor)));
  });

  app.get('/api/matches/:id', async (req, res) => {
    const record = await recordOf(req);
    const audience = await audienceOf(registry, record, req);
    const byCode = String(req.params.id).toUpperCase() === record.joinCode;
    // A finished match reads the same for everyone: its stored listing is its summary.
    const stored = record.status === 'finished' && record.listing ? (JSON.parse(record.listing) as MatchListing) : null;
    if (stored?.version === record.version && stored.stateHash) return void res.json({ ...stored, joinCode: joinCodeFor(record, audience, byCode) });
    res.json(await summaryFor(record, audience, byCode));
  });

  app.get('/api/matches/:id/events', async (req, res) => {
    const record = await recordOf(req);
    const { audience, d, log } = await readFor(record, req);
    const shown = publishedLog(log, audience, d);
    res.type('application/x-ndjson');
    res.send(shown.map((e) => JSON.stringify(e)).join('\n') + (shown.length ? '\n' : ''));
  });

  app.get('/api/matches/:id/export', async (req, res) => {
    const format = formatSchema.safeParse(req.query.format);
    if (!format.success) throw new HttpError(400, 'BAD_REQUEST', 'format must be json or csv.');
    const record = await recordOf(req);
    const { audience, state, d, log } = await readFor(record, req);
    const seen = visibleEvents(log, audience, d);
    if (format.data === 'csv') {
      res.type('text/csv').attachment(`closed-loop-${record.matchId}.csv`).send(exportCsv(seen, (seat) => readsBooksOf(audience, d, seat)));
      return;
    }
    const shown = seesWholeLog(audience, d) ? state : fold(seen);
    const summary = summarize(record, { state: shown, audience, version: seen.at(-1)?.seq ?? 0, over: d.over });
    const file = d.over ? matchFile(summary, log, shown) : liveMatchFile(summary, publishedLog(log, audience, d), shown.scenario);
    res.attachment(`closed-loop-${record.matchId}.json`).json(file);
  });

  mountFork(app, making);

  app.use('/api', (_req, _res, next) => next(new HttpError(404, 'NOT_FOUND', 'No such API route.')));

  // The built client (npm run build), with client-side routes falling back to its page.
  const clientIndex = join(ctx.clientDir, 'index.html');
  if (existsSync(clientIndex)) {
    app.use(express.static(ctx.clientDir, { index: 'index.html', maxAge: '1h' }));
    app.get(['/match/:id', '/replay', '/replay/:id', '/console', '/console/:id', '/leaderboard', '/profile', '/profile/:id'], (_req, res) => res.sendFile(clientIndex));
  } else {
    app.get('/', (_req, res) => {
      res.type('html').send(placeholderPage());
    });
  }

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof HttpError) {
      if (err.retryAfterSeconds !== undefined) res.set('Retry-After', String(err.retryAfterSeconds));
      return void res.status(err.status).json({ error: err.code, message: err.message });
    }
    if (err instanceof RequestError || err instanceof RuleError)
      return void res.status(400).json({ error: err.code, message: err.message });
    const e = err as { type?: string; status?: number; message?: string };
    // A path that does not decode (a lone %, a broken escape) is the client's mistake, not ours.
    if (err instanceof URIError) return void res.status(400).json({ error: 'BAD_URL', message: 'The request path is not a valid URL (a % must start an escape such as %20).' });
    if (e.type === 'entity.parse.failed') return void res.status(400).json({ error: 'BAD_JSON', message: 'The body is not valid JSON.' });
    if (e.type === 'entity.too.large') return void res.status(413).json({ error: 'TOO_LARGE', message: 'Request bodies are limited to 16 KiB.' });
    ctx.log.error('request failed', { error: String(e.message ?? err) });
    res.status(500).json({ error: 'INTERNAL', message: 'Something went wrong on the server.' });
  });
}
