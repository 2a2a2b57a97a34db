import type { EventOf, GameEvent, LineCashFlow } from '../domain/events';
import type { LineId } from '../scenario/types';
import type { Viewer } from './viewer';

type Fact = GameEvent;

/** What everyone learns when a quarter resolves. */
export interface PublicReport {
  quarter: number;
  news: Array<{ cardId: string; headline: string; injected: boolean }>;
  foundry: { supply: number; clearingPriceUsd: number | null; sold: number; chipsWon: Array<{ seat: number; chips: number }> } | null;
  spectrum: Array<{ licenseId: string; winner: number | null; price: number; bidders: number; reofferedIn: number | null }>;
  permits: Array<{ cityId: string; granted: number[]; refused: Array<{ seat: number; reason: 'autonomy' | 'slots' }> }>;
  rides: Array<{ cityId: string; demand: number; paused: boolean; shares: Array<{ seat: number; served: number; priceUsd: number }> }>;
  robots: { demand: number; remoteDemand: number; shares: Array<{ seat: number; sold: number; remoteSold: number; priceUsd: number }> } | null;
  subscribers: Array<{ regionId: string; shares: Array<{ seat: number; subscribers: number; coverage: number; priceUsd: number }> }>;
  actuatorExchange: { priceUsd: number | null; volume: number } | null;
  loopsClosed: Array<{ seat: number; line: LineId }>;
  valuations: number[];
  ended: { winner: number; ranking: number[]; reason: 'loops' | 'valuation' } | null;
}

/** A level before and after the quarter. */
export interface Change {
  before: number;
  after: number;
}

/** One player's own side of the quarter. */
export interface SeatReport {
  seat: number;
  legacyIncome: number;
  interest: number;
  loans: number;
  repaid: number;
  lines: Record<LineId, LineCashFlow> | null;
  loops: Array<{ line: LineId; qualifying: boolean; streak: number; closed: boolean }>;
  /** Research levels that moved this quarter, before and after. */
  research: {
    capability?: Change;
    autonomy?: Change;
    dexterity?: Change;
    phoneAdoption?: Change;
    tapedOut?: number;
  };
  foundry: { requested: number; maxPriceUsd: number; chips: number; paid: number } | null;
  spectrumBids: Array<{ licenseId: string; amountM: number; won: boolean; price: number }>;
  production: {
    carsDelivered: number;
    carsOrdered: number;
    actuatorsMade: number;
    robotsMade: number;
    robotsDeployed: number;
    satellitesLaunched: number;
    launchesFailed: number;
  };
  revenue: { rides: number; robots: number; subscriptions: number; actuatorSales: number };
  actuatorTrades: Array<{ side: 'sell' | 'buy'; qty: number; amount: number }>;
  operatingCosts: { robotaxi: number; robots: number; satellites: number };
}

export interface QuarterReport {
  quarter: number;
  public: PublicReport;
  /** The viewer's own detail (players). */
  own: SeatReport | null;
  /** Every seat's detail (spectators and facilitators, after resolution). */
  seats: SeatReport[] | null;
}

/** The facts of one quarter's resolution: from PlanningEnded to QuarterResolved. */
export function quarterEvents<E extends Fact>(events: readonly E[], quarter: number): E[] {
  const start = events.findIndex((e) => e.type === 'PlanningEnded' && e.data.quarter === quarter);
  if (start < 0) return [];
  const end = events.findIndex((e, i) => i > start && e.type === 'QuarterResolved');
  return events.slice(start, end < 0 ? events.length : end + 1);
}

const of = <T extends GameEvent['type']>(events: readonly Fact[], type: T) =>
  events.filter((e): e is EventOf<T> => e.type === type);

/** What everyone learns from a quarter's events (see quarterEvents). */
export function publicReport(quarter: number, events: readonly Fact[]): PublicReport {
  const foundry = of(events, 'FoundryAuctionCleared')[0];
  const robots = of(events, 'RobotsSold')[0];
  const exchange = of(events, 'ActuatorExchangeCleared')[0];
  const ended = of(events, 'MatchEnded')[0];
  return {
    quarter,
    news: of(events, 'ShockDrawn').map((e) => ({ cardId: e.data.cardId, headline: e.data.headline, injected: e.data.injected })),
    foundry: foundry
      ? {
          supply: foundry.data.supply,
          clearingPriceUsd: foundry.data.clearingPriceUsd,
          sold: foundry.data.sold,
          chipsWon: foundry.data.awards.map((a) => ({ seat: a.seat, chips: a.chips })),
        }
      : null,
    spectrum: of(events, 'SpectrumAuctionCleared').map((e) => ({
      licenseId: e.data.licenseId,
      winner: e.data.winner,
      price: e.data.price,
      bidders: e.data.bids.length,
      reofferedIn: e.data.reofferedIn,
    })),
    permits: of(events, 'PermitsAwarded').map((e) => ({ cityId: e.data.cityId, granted: e.data.granted, refused: e.data.refused })),
    rides: (of(events, 'RidesServed')[0]?.data.cities ?? []).map((c) => ({
      cityId: c.cityId,
      demand: c.demand,
      paused: c.paused,
      shares: c.operators.map((o) => ({ seat: o.seat, served: o.served, priceUsd: o.priceUsd })),
    })),
    robots: robots
      ? {
          demand: robots.data.demand,
          remoteDemand: robots.data.remoteDemand,
          shares: robots.data.sellers.map((s) => ({ seat: s.seat, sold: s.sold, remoteSold: s.remoteSold, priceUsd: s.priceUsd })),
        }
      : null,
    subscribers: (of(events, 'SubscribersServed')[0]?.data.regions ?? []).map((r) => ({
      regionId: r.regionId,
      shares: r.providers.map((p) => ({ seat: p.seat, subscribers: p.subscribers, coverage: p.coverage, priceUsd: p.priceUsd })),
    })),
    actuatorExchange: exchange ? { priceUsd: exchange.data.priceUsd, volume: exchange.data.volume } : null,
    loopsClosed: of(events, 'LoopClosed').map((e) => ({ seat: e.data.seat, line: e.data.line })),
    valuations: of(events, 'ValuationAssessed')[0]?.data.valuations ?? [],
    ended: ended ? { winner: ended.data.winner, ranking: ended.data.ranking, reason: ended.data.reason } : null,
  };
}

/** One seat's side of a quarter, from that quarter's events (see quarterEvents). */
export function seatReport(seat: number, events: readonly Fact[]): SeatReport {
  const mine = <T extends GameEvent['type']>(type: T) =>
    of(events, type).filter((e) => (e.data as { seat?: number }).seat === seat);
  const sum = <T extends GameEvent['type']>(type: T, pick: (e: EventOf<T>) => number) =>
    mine(type).reduce((n, e) => n + pick(e), 0);
  const change = (e: { data: { before: number; after: number } } | undefined): Change | undefined =>
    e ? { before: e.data.before, after: e.data.after } : undefined;
  const ai = mine('AiTrained')[0];
  const award = of(events, 'FoundryAuctionCleared')[0]?.data.awards.find((a) => a.seat === seat);
  const rides = of(events, 'RidesServed')[0]?.data.cities.flatMap((c) => c.operators.filter((o) => o.seat === seat)) ?? [];
  const robotSale = of(events, 'RobotsSold')[0]?.data.sellers.find((s) => s.seat === seat);
  const subs = of(events, 'SubscribersServed')[0]?.data.regions.flatMap((r) => r.providers.filter((p) => p.seat === seat)) ?? [];
  const trades = (of(events, 'ActuatorExchangeCleared')[0]?.data.fills ?? []).filter((f) => f.seat === seat);
  const costs = mine('OperatingCostsCharged')[0]?.data;
  const closed = new Set(mine('LoopClosed').map((e) => e.data.line));
  const launched = mine('SatellitesLaunched')[0]?.data;
  const research: SeatReport['research'] = {};
  if (ai) research.capability = { before: ai.data.capabilityBefore, after: ai.data.capability };
  const autonomy = change(mine('AutonomyImproved')[0]);
  if (autonomy) research.autonomy = autonomy;
  const dexterity = change(mine('DexterityImproved')[0]);
  if (dexterity) research.dexterity = dexterity;
  const adoption = change(mine('PhoneAdoptionGrew')[0]);
  if (adoption) research.phoneAdoption = adoption;
  const tapeOut = mine('ChipTapedOut')[0];
  if (tapeOut) research.tapedOut = tapeOut.data.generation;
  return {
    seat,
    legacyIncome: sum('LegacyIncomePaid', (e) => e.data.amount),
    interest: sum('InterestCharged', (e) => e.data.amount),
    loans: sum('EmergencyLoanTaken', (e) => e.data.amount),
    repaid: sum('DebtRepaid', (e) => e.data.amount),
    lines: mine('LineCashFlowsReported')[0]?.data.lines ?? null,
    loops: mine('LoopProgressed').map((e) => ({
      line: e.data.line,
      qualifying: e.data.qualifying,
      streak: e.data.streak,
      closed: closed.has(e.data.line),
    })),
    research,
    foundry: award ? { requested: award.requested, maxPriceUsd: award.maxPriceUsd, chips: award.chips, paid: award.paid } : null,
    spectrumBids: of(events, 'SpectrumAuctionCleared').flatMap((e) =>
      e.data.bids
        .filter((b) => b.seat === seat)
        .map((b) => ({ licenseId: e.data.licenseId, amountM: b.amountM, won: e.data.winner === seat, price: e.data.price })),
    ),
    production: {
      carsDelivered: sum('CarsDelivered', (e) => e.data.cars),
      carsOrdered: sum('CarsOrdered', (e) => e.data.cars),
      actuatorsMade: sum('ActuatorsProduced', (e) => e.data.qty),
      robotsMade: sum('RobotsProduced', (e) => e.data.robots),
      robotsDeployed: sum('RobotsDeployed', (e) => e.data.robots),
      satellitesLaunched: launched?.satellites ?? 0,
      launchesFailed: launched?.failed ?? 0,
    },
    revenue: {
      rides: rides.reduce((n, r) => n + r.revenue, 0),
      robots: robotSale?.revenue ?? 0,
      subscriptions: subs.reduce((n, p) => n + p.revenue, 0),
      actuatorSales: trades.filter((t) => t.side === 'sell').reduce((n, t) => n + t.amount, 0),
    },
    actuatorTrades: trades.map((t) => ({ side: t.side, qty: t.qty, amount: t.amount })),
    operatingCosts: costs ? { robotaxi: costs.robotaxi, robots: costs.robots, satellites: costs.satellites } : { robotaxi: 0, robots: 0, satellites: 0 },
  };
}

/**
 * The report of one quarter, as a pure projection of its events: public results for everyone,
 * the player's own detail for a player, every seat's detail for spectators and facilitators.
 */
export function quarterReport(events: readonly Fact[], quarter: number, viewer: Viewer, seats: number): QuarterReport {
  const facts = quarterEvents(events, quarter);
  const detail = (seat: number) => seatReport(seat, facts);
  return {
    quarter,
    public: publicReport(quarter, facts),
    own: viewer.role === 'player' ? detail(viewer.seat) : null,
    seats: viewer.role === 'player' ? null : Array.from({ length: seats }, (_, seat) => detail(seat)),
  };
}
