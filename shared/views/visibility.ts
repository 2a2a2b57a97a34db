import type { EventOf, EventType, GameEvent } from '../domain/events';
import type { GameState } from '../domain/state';
import { spectatorCut } from '../replay/spectatorCut';
import { heldQuarter, matchOver, playersLog } from '../rules/reveal';
import { canonicalJson } from '../util/canonicalJson';
import { sha256Hex } from '../util/sha256';
import { viewFor } from './viewFor';
import type { Viewer } from './viewer';

// One policy for every door (the match room, the watch room, each HTTP route, each export):
// which events of a match's log an audience may see, and which of their fields. While a match is
// live, sealed sheets and bids, each seat's books and the generator stay with their owners; once
// it is over everything is public. docs/visibility.md has the same rules as a table.

/** Who asks: anyone without credentials (a spectator), a seat (by its token), or the classroom's facilitator (by key). */
export type Audience = { kind: 'public' } | { kind: 'seat'; seat: number } | { kind: 'facilitator' };

export const PUBLIC: Audience = { kind: 'public' };

/** The room's word for an audience: the public watches as a spectator. */
export function viewerOf(audience: Audience): Viewer {
  return audience.kind === 'seat' ? { role: 'player', seat: audience.seat } : audience.kind === 'facilitator' ? { role: 'facilitator' } : { role: 'spectator' };
}

/**
 * SHA-256 of what an audience sees of a state (viewFor): while live, the only state digest a door
 * hands out. It covers nothing the audience may not read, so no hidden value can be searched for
 * with it, yet it shows that the server's state is the fold of its log as far as they can see.
 */
export function viewHash(state: GameState, audience: Audience): string {
  return sha256Hex(canonicalJson(viewFor(state, viewerOf(audience))));
}

/** What the live state says about disclosure: over, the quarter held for a staged reveal, the spectators' delay. */
export interface Disclosure {
  over: boolean;
  held: number | null;
  delay: number;
}

export function disclosureOf(state: Pick<GameState, 'status' | 'quarter' | 'reveal' | 'settings'>): Disclosure {
  return { over: matchOver(state), held: heldQuarter(state), delay: state.settings.spectatorDelay ?? 0 };
}

type Fact = GameEvent;

/**
 * The events of a log an audience may see, whole (redactEvent then hides fields): the facilitator
 * sees every event; a seat sees all but a quarter held for a staged reveal and the spectators'
 * chat; the public sees what a seat sees, cut `delay` quarters behind, and its own chat live (it
 * is theirs). Once the match is over, everyone sees everything.
 */
export function visibleEvents<E extends Fact>(log: readonly E[], audience: Audience, d: Disclosure): E[] {
  if (d.over || audience.kind === 'facilitator') return [...log];
  const seen = seatsEvents(log, d);
  const players = seen.filter((e) => !spectatorsChat(e));
  if (audience.kind === 'seat') return players;
  const cut = spectatorCut(players, d.delay);
  if (cut === players.length) return seen;
  const shown = new Set<E>(players.slice(0, cut));
  return seen.filter((e) => shown.has(e) || spectatorsChat(e));
}

/** Whether an event is a line of the spectators' chat: players never read those while the match is live. */
export function spectatorsChat(e: Fact): boolean {
  return e.type === 'ChatSaid' && e.data.channel === 'spectators';
}

/**
 * Whether the fold of what visibleEvents gives this audience is the live state itself: over, the
 * facilitator, or nothing held and (for the public) no delay. A seat misses only the spectators'
 * chat then, which changes no state.
 */
export function seesWholeLog(audience: Audience, d: Disclosure): boolean {
  return d.over || audience.kind === 'facilitator' || (d.held === null && (audience.kind === 'seat' || d.delay === 0));
}

/**
 * Whether a new chat line reaches an audience as it is said (the rooms deliver it then): the
 * players' channel the seats, and the public when it watches live; the spectators' channel the
 * public; the facilitator and, once over, everyone both. visibleEvents' rule for one line: a
 * delayed public reads the players' channel through the log, behind.
 */
export function hearsChat(e: EventOf<'ChatSaid'>, audience: Audience, d: Disclosure): boolean {
  if (d.over || audience.kind === 'facilitator') return true;
  return e.data.channel === 'players' ? audience.kind === 'seat' || d.delay === 0 : audience.kind === 'public';
}

/** The events every seat sees alike (their fields differ by seat): all but a quarter held for a staged reveal. */
export function seatsEvents<E extends Fact>(log: readonly E[], d: Disclosure): E[] {
  return d.over ? [...log] : playersLog(log, d.held);
}

/** Marks a hidden value in an event. */
export const HIDDEN = { redacted: true } as const;

const sees = (audience: Audience, seat: number) => audience.kind === 'facilitator' || (audience.kind === 'seat' && audience.seat === seat);

/** Whether an audience reads a seat's own books (cash, debt, spend, research): its own seat, the facilitator, or anyone once over. */
export function readsBooksOf(audience: Audience, d: Disclosure, seat: number): boolean {
  return d.over || sees(audience, seat);
}

/**
 * How an event is read while live, one rule per event type (the compiler insists on all of them):
 * - 'public': as it is;
 * - own: these fields only for the event's seat and the facilitator;
 * - secret: these fields for nobody (the facilitator reads those in `facilitatorReads`);
 * - a function: the event's data as the audience may read it, or null when they may read it all.
 */
type Rule<T extends EventType> =
  | 'public'
  | { own: ReadonlyArray<keyof EventOf<T>['data'] & string> }
  | { secret: ReadonlyArray<keyof EventOf<T>['data'] & string>; facilitatorReads?: ReadonlyArray<keyof EventOf<T>['data'] & string> }
  | ((data: EventOf<T>['data'], audience: Audience) => object | null);

const othersHidden = <T extends { seat: number }>(audience: Audience, rows: readonly T[], keep: (row: T) => object) =>
  rows.map((row) => (sees(audience, row.seat) ? row : keep(row)));

const POLICY: { [T in EventType]: Rule<T> } = {
  // The seed and the generator's state tell every future draw (shocks, launches, the deck). The
  // facilitator chose the seed (a class session hands it back): theirs to read, the generator not.
  MatchCreated: { secret: ['seed', 'rng'], facilitatorReads: ['seed'] },
  QuarterResolved: { secret: ['rng'] },
  OrdersSubmitted: { own: ['orders'] },
  // Standing orders are last quarter's sheets: a seat reads only its own.
  PlanningOpened: (d, a) => (a.kind === 'facilitator' ? null : { ...d, standingOrders: d.standingOrders.map((o, seat) => (sees(a, seat) ? o : HIDDEN)) }),
  ShockInjected: (d, a) => (a.kind === 'facilitator' ? null : { quarter: d.quarter, cardId: HIDDEN }),
  FoundryAuctionCleared: (d, a) => (a.kind === 'facilitator' ? null : { ...d, awards: othersHidden(a, d.awards, (w) => ({ seat: w.seat, chips: w.chips, paid: w.paid, requested: HIDDEN, maxPriceUsd: HIDDEN })) }),
  // Sealed second-price bids: the public learns how many there were, a seat its own bid too.
  SpectrumAuctionCleared: (d, a) => (a.kind === 'facilitator' ? null : { ...d, bids: d.bids.length, ownBids: d.bids.filter((b) => sees(a, b.seat)) }),
  ActuatorExchangeCleared: (d, a) => (a.kind === 'facilitator' ? null : { ...d, fills: d.fills.filter((f) => sees(a, f.seat)) }),
  RobotsSold: (d, a) => (a.kind === 'facilitator' ? null : { ...d, sellers: othersHidden(a, d.sellers, (s) => ({ ...s, offered: HIDDEN })) }),
  // Loop strength is on every player's rings; the money behind it is the seat's own.
  LineCashFlowsReported: (d, a) => {
    if (sees(a, d.seat)) return null;
    const lines: Record<string, object> = {};
    for (const [line, flow] of Object.entries(d.lines)) lines[line] = { strength: flow.strength, milestone: flow.milestone, revenue: HIDDEN, spend: HIDDEN, sharedSpend: HIDDEN };
    return { ...d, lines };
  },
  LegacyIncomePaid: { own: ['amount'] },
  InterestCharged: { own: ['amount'] },
  DebtRepaid: { own: ['amount'] },
  EmergencyLoanTaken: { own: ['amount'] },
  DataBonusMeasured: { own: ['dataBonus'] },
  ChipResearchFunded: { own: ['amount', 'totalM'] },
  AiTrained: { own: ['amount', 'multiplier', 'dataBonus', 'capabilityBefore', 'capability'] },
  AutonomyImproved: { own: ['amount', 'before', 'after'] },
  DexterityImproved: { own: ['amount', 'before', 'after'] },
  PhoneAdoptionGrew: { own: ['amount', 'before', 'after', 'stalled'] },
  CarsOrdered: { own: ['cars', 'requested', 'cost'] },
  PlantsStarted: { own: ['kind', 'count', 'cost', 'readyQuarter'] },
  PlantsCompleted: { own: ['kind', 'count'] },
  ActuatorsProduced: { own: ['qty', 'unitCostUsd', 'cost'] },
  RobotsProduced: { own: ['robots', 'requested', 'actuators', 'cost'] },
  SatellitesLaunched: { own: ['cost'] },
  OperatingCostsCharged: { own: ['robotaxi', 'robots', 'satellites'] },
  SeatClaimed: 'public',
  MatchStarted: 'public',
  MatchExpired: 'public',
  OrdersLocked: 'public',
  OrdersUnlocked: 'public',
  MatchPaused: 'public',
  MatchResumed: 'public',
  PlanningEnded: 'public',
  ChipGenerationActivated: 'public',
  ChipTapedOut: 'public',
  PlanningTimerSet: 'public',
  SeatReplaced: 'public',
  StagedRevealSet: 'public',
  ResultsRevealed: 'public',
  ShockDrawn: 'public',
  ShockExpired: 'public',
  PermitsAwarded: 'public',
  CarsDelivered: 'public',
  RobotsDeployed: 'public',
  SatellitesDecayed: 'public',
  RidesServed: 'public',
  SubscribersServed: 'public',
  LoopProgressed: 'public',
  LoopClosed: 'public',
  SpectatorDelaySet: 'public',
  JoiningSet: 'public',
  // A what-if fork's source is over, so its state (generator included) is public already.
  MatchForked: 'public',
  ForkOpened: 'public',
  ValuationAssessed: 'public',
  MatchEnded: 'public',
  // Who reads a chat line is visibleEvents' choice (the spectators' channel); a line read is read whole.
  ChatSaid: 'public',
  ChatMuted: 'public',
  ChatUnmuted: 'public',
};

const hide = (data: object, fields: readonly string[]) => {
  const out: Record<string, unknown> = { ...data };
  for (const f of fields) if (f in out) out[f] = HIDDEN;
  return out;
};

/** The data an audience may read of one live event, or null when they may read all of it. */
function liveData(e: GameEvent, audience: Audience): object | null {
  const rule = POLICY[e.type] as Rule<EventType>;
  if (rule === 'public') return null;
  if (typeof rule === 'function') return rule(e.data as never, audience);
  if ('own' in rule) return sees(audience, (e.data as { seat: number }).seat) ? null : hide(e.data, rule.own);
  const readable = audience.kind === 'facilitator' ? (rule.facilitatorReads ?? []) : [];
  return hide(e.data, rule.secret.filter((f) => !readable.includes(f)));
}

/**
 * One event as an audience may read it: while the match is live, another seat's sheet, bids,
 * budgets, costs and research are replaced by HIDDEN, and so are the seed, the generator's state
 * and a queued shock. The facilitator reads everything but the generator. Over, every event is
 * returned as it is.
 */
export function redactEvent<E extends Fact>(e: E, audience: Audience, d: Disclosure): { data: E['data']; redacted: boolean } {
  if (d.over) return { data: e.data, redacted: false };
  const data = liveData({ type: e.type, data: e.data } as GameEvent, audience);
  return data === null ? { data: e.data, redacted: false } : { data: data as E['data'], redacted: true };
}

/** A log line as a door hands it out: while live without its hashes (see publishedLog), with a mark when fields were hidden. */
export type PublishedEvent<E extends Fact & { hash: string; prevHash: string }> = Omit<E, 'hash' | 'prevHash'> & { hash?: string; prevHash?: string; redacted?: true };

/**
 * A stored log as an audience may read it: visibleEvents, each redacted. While live no line keeps
 * its hash or the previous one: a digest over a line's plain content would let anyone who knows
 * the rest of a sheet search for a sealed bid. Once over, the whole chain is there to verify.
 */
export function publishedLog<E extends Fact & { hash: string; prevHash: string }>(log: readonly E[], audience: Audience, d: Disclosure): Array<PublishedEvent<E>> {
  const shown = visibleEvents(log, audience, d);
  if (d.over) return shown;
  return shown.map((e) => {
    const { hash: _hash, prevHash: _prev, ...rest } = e;
    const r = redactEvent(e, audience, d);
    return r.redacted ? { ...rest, data: r.data, redacted: true as const } : { ...rest, data: r.data };
  });
}
