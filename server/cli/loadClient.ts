import { botCommands } from '../../shared/bots/botTurn';
import type { BotSpec } from '../../shared/domain/ids';
import { Rng, seedPrng } from '../../shared/random/prng';
import type { Scenario } from '../../shared/scenario/types';
import { GameClient } from '../../test/support/gameClient';
import { viewFromRoom } from './roomView';

const STRATEGIES: BotSpec[] = (['balanced', 'robotaxi', 'robots', 'satellites', 'vertical'] as const).map((strategy) => ({ strategy, difficulty: 'normal' }));

/** A command the server acknowledged: the seq it was stored at, and what it was. */
export interface AckedCommand {
  seq: number;
  type: string;
  seat: number;
  quarter: number;
}

/** What one bot-driven client saw: reply latencies, acks, refusals, when each resolved quarter reached it. */
export interface ClientRecord {
  matchId: string;
  ackMs: number[];
  acked: AckedCommand[];
  refusals: string[];
  /** [quarter, client wall time (ms)] when the quarter's resolution arrived. */
  seen: Array<[number, number]>;
  firstSentAt: number;
  lastAckAt: number;
  finished: boolean;
  dropped: string | null;
}

/**
 * One player over a real WebSocket: each quarter it thinks for up to `maxThinkMs` (less when the
 * quarter reached it late, so that half of that is left before the timer), then sends the sheet
 * and the lock its bot strategy chooses from its own view.
 */
export class LoadClient {
  readonly record: ClientRecord;
  private acted = 0;
  private resolved = 0;
  private scenario: Scenario | null = null;
  private readonly rng: Rng;
  private readonly done: Promise<void>;
  private finish!: () => void;

  private constructor(
    private readonly client: GameClient,
    matchId: string,
    private readonly maxThinkMs: number,
  ) {
    this.record = { matchId, ackMs: [], acked: [], refusals: [], seen: [], firstSentAt: 0, lastAckAt: 0, finished: false, dropped: null };
    this.rng = new Rng(seedPrng(`load|${matchId}|${client.seat}`));
    this.done = new Promise((resolve) => (this.finish = resolve));
    const ms = client.state;
    this.resolved = ms.status === 'ended' ? ms.quarter : Math.max(0, ms.quarter - 1);
    client.room.onStateChange(() => this.onState());
    client.room.onLeave((code: number) => {
      if (!this.record.finished) this.record.dropped = `left with code ${code}`;
      this.finish();
    });
    this.onState();
  }

  /** Takes a seat by `{name}`, or reclaims one with `{token}`. */
  static async join(url: string, matchId: string, options: { name: string } | { token: string }, maxThinkMs: number): Promise<LoadClient> {
    return new LoadClient(await GameClient.join(url, matchId, options), matchId, maxThinkMs);
  }

  /** The seat token, to come back after the server restarts. */
  get token(): string {
    return this.client.token!;
  }

  /** Resolves when the match has ended (or the link went). */
  whenDone(): Promise<void> {
    return this.done;
  }

  leave(): Promise<void> {
    return this.client.leave().catch(() => undefined);
  }

  private onState(): void {
    const ms = this.client.state;
    const resolved = ms.status === 'ended' ? ms.quarter : ms.quarter - 1;
    if (resolved > this.resolved) {
      this.resolved = resolved;
      this.record.seen.push([resolved, Date.now()]);
    }
    if (ms.status === 'ended' && !this.record.finished) {
      this.record.finished = true;
      this.finish();
      return;
    }
    if (ms.status !== 'planning' || ms.paused || ms.quarter <= this.acted) return;
    this.acted = ms.quarter;
    // Locked already (before a reconnect): nothing more to send this quarter.
    if (ms.players.at(this.client.seat!)?.locked) return;
    // Like a player watching the countdown: think for up to maxThinkMs, but stop in time to send
    // the sheet and the lock before the planning timer runs out (it runs in server time; the load
    // test's clients share the server's clock).
    const wanted = this.rng.next() * this.maxThinkMs;
    const left = ms.deadline > 0 ? ms.deadline - Date.now() - this.maxThinkMs / 2 : Infinity;
    setTimeout(() => void this.play(ms.quarter), Math.max(0, Math.min(wanted, left)));
  }

  private async play(quarter: number): Promise<void> {
    const ms = this.client.state;
    if (ms.quarter !== quarter || ms.status !== 'planning') return;
    this.scenario ??= JSON.parse(ms.scenarioJson) as Scenario;
    const seat = this.client.seat!;
    const view = viewFromRoom(ms, seat, this.scenario);
    if (!view) {
      this.record.refusals.push('NO_VIEW: the seat has no books yet');
      return;
    }
    for (const command of botCommands(view, STRATEGIES[seat % STRATEGIES.length]!, `load|${ms.matchId}`)) {
      const sent = performance.now();
      if (this.record.firstSentAt === 0) this.record.firstSentAt = Date.now();
      const reply = await this.client.command(command);
      const took = performance.now() - sent;
      if (!reply.ok) {
        this.record.refusals.push(`${reply.code}: ${reply.message}`);
        return;
      }
      this.record.ackMs.push(took);
      this.record.acked.push({ seq: reply.seq, type: command.type, seat, quarter });
      this.record.lastAckAt = Date.now();
    }
  }
}
