import { resolve } from 'node:path';
import type { QuickMatchSettings } from './rooms/roomContext';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const LEVELS: LogLevel[] = ['debug', 'info', 'warn', 'error'];

export interface ServerConfig {
  port: number;
  dataDir: string;
  logLevel: LogLevel;
  /** postgres://… : the shared PostgreSQL event store instead of the SQLite file in dataDir. */
  databaseUrl?: string;
  /** redis://… : Colyseus presence and matchmaking shared through Redis (several processes). */
  redisUrl?: string;
  /** host:port where clients reach this process's WebSocket (needed with several processes). */
  publicAddress?: string;
  /** How long a process's hold on a match lasts without renewal (PostgreSQL only; default 15). */
  leaseSeconds?: number;
  /** How many matches a restart reads from the store at a time (default 500; it reads them all). */
  recoveryPageSize?: number;
  /** How long a match may wait in the lobby before it expires (default 24 h; 0: never). */
  waitingExpirySeconds?: number;
  /** How long a waiting match's room stays open with nobody in it (default 60 s; a join opens it again). */
  lobbyIdleSeconds?: number;
  /** Signs the accounts' tokens (JWT_SECRET); unset: one made once and kept in the database. */
  jwtSecret?: string;
  /** How long the host of an ended or expired match stays loaded once nothing follows it (default 60 s; its log reloads it). */
  finishedUnloadSeconds?: number;
  /** Quick match: how long a group waits before bots complete it (QUEUE_WAIT_SECONDS, default 30), and its matches' timer and length. */
  quickMatch?: Partial<QuickMatchSettings>;
  /** Per-address rates and caps (startServer fills what is left out from DEFAULT_LIMITS). */
  limits?: Partial<AbuseLimits>;
}

/**
 * What one client address (and the whole process) may do; 0 turns a limit off. Rates are token
 * buckets: `burst` requests at once, then one more every 60 / perMinute seconds.
 */
export interface AbuseLimits {
  /** POST /api/matches, /api/sessions and forks, per address. */
  createPerMinute: number;
  createBurst: number;
  /** Seat reservations (joinOrCreate, join by code, reconnect, watch), per address. */
  joinPerMinute: number;
  joinBurst: number;
  /** Creations (a match, a class session, a fork) by one address whose matches are not all ended or expired. */
  openPerIp: number;
  /** Matches created or recovered by this process that are not ended or expired. */
  openPerProcess: number;
  /** Proxies in front of the server whose X-Forwarded-For is believed (0: the socket's address is the client's). */
  trustProxyHops: number;
  /** How long a rate refusal (429) is held before it is answered, so a flooding script slows down (0: at once). */
  refusalDelayMs: number;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  createPerMinute: 10,
  createBurst: 10,
  joinPerMinute: 60,
  joinBurst: 60,
  openPerIp: 5,
  openPerProcess: 200,
  trustProxyHops: 0,
  refusalDelayMs: 1000,
};

/** Every limit off: tests, benchmarks and load tests that create many matches from one address. */
/** Quick match as players meet it: 30 s to find others, then a 4-seat match of the default scenario at 90 s a quarter. */
export const DEFAULT_QUICK_MATCH: QuickMatchSettings = { waitSeconds: 30, planningSeconds: 90 };

export const NO_LIMITS: AbuseLimits = { createPerMinute: 0, createBurst: 0, joinPerMinute: 0, joinBurst: 0, openPerIp: 0, openPerProcess: 0, trustProxyHops: 0, refusalDelayMs: 0 };

const LIMIT_ENV: Record<keyof AbuseLimits, string> = {
  createPerMinute: 'CREATE_RATE_PER_MINUTE',
  createBurst: 'CREATE_BURST',
  joinPerMinute: 'JOIN_RATE_PER_MINUTE',
  joinBurst: 'JOIN_BURST',
  openPerIp: 'OPEN_MATCHES_PER_IP',
  openPerProcess: 'OPEN_MATCHES_PER_PROCESS',
  trustProxyHops: 'TRUST_PROXY_HOPS',
  refusalDelayMs: 'REFUSAL_DELAY_MS',
};

/** The environment that sets these limits for a server process (configFromEnv reads it back). */
export function limitsEnv(limits: AbuseLimits): Record<string, string> {
  return Object.fromEntries(Object.entries(LIMIT_ENV).map(([key, name]) => [name, String(limits[key as keyof AbuseLimits])]));
}

function limitsFromEnv(env: NodeJS.ProcessEnv): AbuseLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name] of Object.entries(LIMIT_ENV) as Array<[keyof AbuseLimits, string]>) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n)) throw new Error(`${name} must be a whole number (0: no limit), got "${env[name]}"`);
    limits[key] = n;
  }
  return limits;
}

const urlOf = (env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined => {
  const value = env[name]?.trim();
  if (!value) return undefined;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    protocol = '';
  }
  if (!protocols.includes(protocol)) throw new Error(`${name} must be a ${protocols.map((p) => `${p}//…`).join(' or ')} URL, got "${value}"`);
  return value;
};

/**
 * Configuration from the environment: PORT (2567), DATA_DIR (./data), LOG_LEVEL (info),
 * DATABASE_URL, REDIS_URL, PUBLIC_ADDRESS, JWT_SECRET (all unset), LEASE_SECONDS (15),
 * WAITING_EXPIRY_HOURS (24; 0: waiting matches never expire), FINISHED_UNLOAD_SECONDS (60), and
 * the abuse limits (docs/operations.md): CREATE_RATE_PER_MINUTE (10), CREATE_BURST (10),
 * JOIN_RATE_PER_MINUTE (60), JOIN_BURST (60), OPEN_MATCHES_PER_IP (5),
 * OPEN_MATCHES_PER_PROCESS (200), TRUST_PROXY_HOPS (0), REFUSAL_DELAY_MS (1000).
 */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 2567);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  const logLevel = (env.LOG_LEVEL ?? 'info') as LogLevel;
  if (!LEVELS.includes(logLevel)) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}, got "${env.LOG_LEVEL}"`);
  const leaseSeconds = Number(env.LEASE_SECONDS ?? 15);
  if (!Number.isInteger(leaseSeconds) || leaseSeconds < 2 || leaseSeconds > 600)
    throw new Error(`LEASE_SECONDS must be a whole number from 2 to 600, got "${env.LEASE_SECONDS}"`);
  const publicAddress = env.PUBLIC_ADDRESS?.trim() || undefined;
  if (publicAddress !== undefined && !/^(\[[0-9a-fA-F:.]+\]|[^\s/:[\]]+)(:\d{1,5})?(\/\S*)?$/.test(publicAddress))
    throw new Error(`PUBLIC_ADDRESS must be host:port (optionally with a path), got "${publicAddress}"`);
  const expiryHours = Number(env.WAITING_EXPIRY_HOURS ?? 24);
  if (!Number.isFinite(expiryHours) || expiryHours < 0 || expiryHours > 24 * 365)
    throw new Error(`WAITING_EXPIRY_HOURS must be a number of hours from 0 to 8760, got "${env.WAITING_EXPIRY_HOURS}"`);
  const unloadSeconds = Number(env.FINISHED_UNLOAD_SECONDS ?? 60);
  if (!Number.isInteger(unloadSeconds) || unloadSeconds < 0 || unloadSeconds > 24 * 3600)
    throw new Error(`FINISHED_UNLOAD_SECONDS must be a whole number of seconds from 0 to 86400, got "${env.FINISHED_UNLOAD_SECONDS}"`);
  const databaseUrl = urlOf(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  const redisUrl = urlOf(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const queueWait = Number(env.QUEUE_WAIT_SECONDS ?? DEFAULT_QUICK_MATCH.waitSeconds);
  if (!Number.isInteger(queueWait) || queueWait < 1 || queueWait > 600) throw new Error(`QUEUE_WAIT_SECONDS must be a whole number of seconds from 1 to 600, got "${env.QUEUE_WAIT_SECONDS}"`);
  const jwtSecret = env.JWT_SECRET?.trim() || undefined;
  if (jwtSecret !== undefined && jwtSecret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters long (it signs the accounts\' tokens).');
  return {
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    logLevel,
    leaseSeconds,
    waitingExpirySeconds: Math.round(expiryHours * 3600),
    finishedUnloadSeconds: unloadSeconds,
    limits: limitsFromEnv(env),
    quickMatch: { waitSeconds: queueWait },
    ...(databaseUrl ? { databaseUrl } : {}),
    ...(redisUrl ? { redisUrl } : {}),
    ...(publicAddress ? { publicAddress } : {}),
    ...(jwtSecret ? { jwtSecret } : {}),
  };
}

export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Structured logs: one JSON object per line on stdout. */
export function jsonLogger(level: LogLevel, write: (line: string) => void = (l) => process.stdout.write(l)): Logger {
  const min = LEVELS.indexOf(level);
  const log = (lvl: LogLevel) => (msg: string, fields: Record<string, unknown> = {}) => {
    if (LEVELS.indexOf(lvl) < min) return;
    write(`${JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })}\n`);
  };
  return { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}
