import { botCommands } from '../bots/botTurn';
import type { Command } from '../domain/commands';
import { RuleError } from '../domain/errors';
import type { GameEvent } from '../domain/events';
import type { BotSpec } from '../domain/ids';
import { stateHash } from '../replay/fold';
import { decide } from '../rules/decide';
import { applyEvent } from '../rules/evolve';
import { initialState } from '../rules/initialState';
import type { LineId, Scenario } from '../scenario/types';
import { viewFor } from '../views/viewFor';
import { isPolicy, policyCommands, type SimSeat } from './policies';

export interface BotMatchOptions {
  seed: string;
  /** Bot strategies, or the simulator's degenerate policies (played as human seats). */
  bots: SimSeat[];
  scenario?: Scenario;
  winLoops?: number;
  /** Keep every command's events (for benchmarks and replays); off for plain simulation. */
  record?: boolean;
}

export interface BotMatchResult {
  seed: string;
  bots: SimSeat[];
  winner: number;
  ranking: number[];
  reason: 'loops' | 'valuation';
  lastQuarter: number;
  firstLoop: { seat: number; line: LineId; quarter: number } | null;
  loopsClosed: Array<{ seat: number; line: LineId; quarter: number }>;
  valuations: number[];
  events: number;
  /** Bot commands the engine refused (a correct bot has none). */
  rejections: Array<{ seat: number; quarter: number; code: string; message: string }>;
  /** Each quarter's foundry auction: its clearing price (null when nothing sold) and whether demand at the reserve met supply. */
  foundry: Array<{ quarter: number; priceUsd: number | null; soldOut: boolean }>;
  /** Licenses won per seat in the match's first spectrum auction quarter (the quarter and the most one seat won). */
  firstAuction: { quarter: number; maxWonBySeat: number } | null;
  stateHash: string;
  /** The events of each accepted command, in order (only with `record`). */
  recorded: GameEvent[][];
}

const SYSTEM = { actor: { role: 'system' } } as const;

/**
 * One whole bot match, headless, through decide and the event recipes (applied as plain mutation:
 * the replay path, no immer proxies). Bots see only their seat's view.
 */
export function runBotMatch(opts: BotMatchOptions): BotMatchResult {
  const state = initialState();
  let count = 0;
  const loopsClosed: BotMatchResult['loopsClosed'] = [];
  const rejections: BotMatchResult['rejections'] = [];
  const recorded: GameEvent[][] = [];
  const foundry: BotMatchResult['foundry'] = [];
  const firstAuction = { quarter: null as number | null, won: new Map<number, number>() };
  const track = (e: GameEvent) => {
    if (e.type === 'LoopClosed') loopsClosed.push({ seat: e.data.seat, line: e.data.line, quarter: e.data.quarter });
    if (e.type === 'FoundryAuctionCleared') {
      const asked = e.data.awards.reduce((n, a) => n + a.requested, 0);
      foundry.push({ quarter: e.data.quarter, priceUsd: e.data.clearingPriceUsd, soldOut: e.data.supply > 0 && asked >= e.data.supply });
    }
    if (e.type === 'SpectrumAuctionCleared') {
      firstAuction.quarter ??= e.data.quarter;
      if (e.data.winner !== null && e.data.quarter === firstAuction.quarter)
        firstAuction.won.set(e.data.winner, (firstAuction.won.get(e.data.winner) ?? 0) + 1);
    }
  };
  const apply = (list: GameEvent[]) => {
    if (opts.record) recorded.push(list);
    count += list.length;
    for (const e of list) {
      applyEvent(state, e);
      track(e);
    }
  };
  const exec = (command: Command, seat?: number) => {
    try {
      // The simulator owns its state: a quarter resolves on it directly, already applied on return.
      if (command.type === 'EndPlanning') {
        const events = decide(state, command, { ...SYSTEM, consume: true });
        if (opts.record) recorded.push(events);
        events.forEach(track);
        count += events.length;
        return;
      }
      apply(decide(state, command, seat === undefined ? SYSTEM : { actor: { role: 'player', seat } }));
    } catch (e) {
      if (!(e instanceof RuleError) || seat === undefined) throw e;
      rejections.push({ seat, quarter: state.quarter, code: e.code, message: e.message });
    }
  };
  exec({
    type: 'CreateMatch',
    data: {
      matchId: `sim-${opts.seed}`,
      seed: opts.seed,
      seats: opts.bots.length,
      winLoops: opts.winLoops ?? 2,
      planningSeconds: 0,
      ...(opts.scenario ? { scenario: opts.scenario } : {}),
    },
  });
  opts.bots.forEach((bot, seat) =>
    exec({
      type: 'ClaimSeat',
      data: { seat, name: `Bot ${seat + 1} (${bot.strategy})`, ...(isPolicy(bot.strategy) ? {} : { bot: bot as BotSpec }) },
    }),
  );
  exec({ type: 'StartMatch', data: {} });
  while (state.status === 'planning') {
    for (let seat = 0; seat < opts.bots.length; seat++) {
      const view = viewFor(state, { role: 'player', seat });
      const spec = opts.bots[seat]!;
      const commands = isPolicy(spec.strategy) ? policyCommands(view, spec.strategy, opts.seed) : botCommands(view, spec as BotSpec, opts.seed);
      for (const command of commands) exec(command, seat);
    }
    exec({ type: 'EndPlanning', data: { quarter: state.quarter } });
  }
  const result = state.result!;
  return {
    seed: opts.seed,
    bots: opts.bots,
    winner: result.winner,
    ranking: result.ranking,
    reason: result.reason,
    lastQuarter: state.quarter,
    firstLoop: loopsClosed[0] ?? null,
    loopsClosed,
    valuations: state.players.map((p) => p.valuation),
    events: count,
    rejections,
    foundry,
    firstAuction:
      firstAuction.quarter === null ? null : { quarter: firstAuction.quarter, maxWonBySeat: Math.max(0, ...firstAuction.won.values()) },
    stateHash: stateHash(state),
    recorded,
  };
}
