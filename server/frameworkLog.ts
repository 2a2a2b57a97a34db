import type { Logger } from './config';

/** How long repeats of one framework message are counted before a line reports them. */
export const REPEAT_WINDOW_MS = 10_000;

/** Colyseus' own failures to read a client's frame: the client's input, not a fault of ours. */
const CLIENT_INPUT = /RoomMessages\.(onData|onRequest)|msgpackr|couldn't decode message/;

type Level = 'debug' | 'info' | 'warn' | 'error';

interface Pending {
  level: Level;
  message: string;
  clientInput: boolean;
  since: number;
  repeats: number;
}

export interface FrameworkLogger {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
  trace(...args: unknown[]): void;
  /** Reports and forgets messages whose window has passed (run every window). */
  sweep(): void;
  /** Reports repeats still being counted (at shutdown). */
  flush(): void;
}

/**
 * What Colyseus logs, as our JSON lines: it writes to the console by default, and a frame a client
 * sends that MessagePack cannot read prints its whole stack, once per frame (a hostile client made
 * 17,190 lines). Here each message is one line with its first line only; one caused by a client's
 * frame is a warning marked as client input, not an error; and the same message again within
 * REPEAT_WINDOW_MS is counted, then reported as one line with the count.
 */
export function frameworkLogger(log: Logger, now: () => number = Date.now): FrameworkLogger {
  const pending = new Map<string, Pending>();
  const report = (p: Pending) => {
    if (p.repeats > 0) log[p.level]('framework message repeated', { message: p.message, repeats: p.repeats, overMs: now() - p.since, ...(p.clientInput ? { cause: 'client input' } : {}) });
  };
  const write = (asked: Level, args: unknown[]) => {
    const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : String(a))).join(' ');
    const clientInput = CLIENT_INPUT.test(text);
    const level: Level = clientInput && asked === 'error' ? 'warn' : asked;
    const message = text.split('\n', 1)[0]!.slice(0, 500);
    const key = `${level} ${message}`;
    const t = now();
    const seen = pending.get(key);
    if (seen && t - seen.since < REPEAT_WINDOW_MS) {
      seen.repeats += 1;
      return;
    }
    if (seen) report(seen);
    // Bounded: a flood of distinct messages cannot grow the map without limit.
    if (pending.size >= 1000) flush();
    pending.set(key, { level, message, clientInput, since: t, repeats: 0 });
    log[level]('framework', { message, ...(clientInput ? { cause: 'client input' } : {}) });
  };
  const flush = () => {
    for (const p of pending.values()) report(p);
    pending.clear();
  };
  const sweep = () => {
    const t = now();
    for (const [key, p] of pending)
      if (t - p.since >= REPEAT_WINDOW_MS) {
        report(p);
        pending.delete(key);
      }
  };
  return {
    debug: (...a) => write('debug', a),
    info: (...a) => write('info', a),
    warn: (...a) => write('warn', a),
    error: (...a) => write('error', a),
    trace: (...a) => write('debug', a),
    sweep,
    flush,
  };
}
