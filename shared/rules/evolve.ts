import { produce } from 'immer';
import type { GameEvent } from '../domain/events';
import type { GameState, LedgerAccount, PlayerState } from '../domain/state';
import { LINES } from '../scenario/types';
import { clonePlain } from '../util/clonePlain';
import { emptyFlows, newPlayer } from './newPlayer';
import { resolvedQuarter } from './reveal';
import { upcastShock } from './upcast';

// evolve is total: it never validates and never draws random numbers; it only writes down facts
// that decide already checked. The recipes mutate a draft: the replay path runs them on a private
// plain clone, the live path (evolveAll) on a new state per command that leaves the old one as it was.

function spend(p: PlayerState, account: LedgerAccount, amount: number): void {
  p.cash -= amount;
  p.flows.spend[account] += amount;
}

/** Spending that builds the future: capex, research, licenses. */
function invest(p: PlayerState, account: LedgerAccount, amount: number): void {
  spend(p, account, amount);
  p.flows.invest[account] += amount;
}

function earn(p: PlayerState, account: LedgerAccount, amount: number): void {
  p.cash += amount;
  p.flows.revenue[account] += amount;
}

export function applyEvent(s: GameState, event: GameEvent): void {
  switch (event.type) {
    case 'MatchCreated': {
      const d = event.data;
      s.matchId = d.matchId;
      s.seed = d.seed;
      s.scenario = d.scenario;
      s.settings = { ...d.settings };
      s.rng = { ...d.rng };
      s.status = 'lobby';
      s.seats = Array.from({ length: d.settings.seats }, (_, index) => ({ index, name: '', kind: 'open' as const }));
      s.permits = Object.fromEntries(d.scenario.robotaxi.cities.map((c) => [c.id, []]));
      s.licenses = Object.fromEntries(
        d.scenario.satellites.licenses.map((l) => [l.id, { holder: null, pricePaid: 0, auctionQuarter: l.auctionQuarter }]),
      );
      return;
    }
    case 'SeatClaimed': {
      const d = event.data;
      s.seats[d.seat] = d.bot
        ? { index: d.seat, name: d.name, kind: d.kind, bot: { ...d.bot } }
        : { index: d.seat, name: d.name, kind: d.kind };
      return;
    }
    case 'MatchExpired':
      s.status = 'expired';
      return;
    case 'MatchStarted':
      s.players = s.seats.map((seat) => newPlayer(seat.index, s.scenario));
      return;
    case 'PlanningOpened':
      s.status = 'planning';
      s.quarter = event.data.quarter;
      s.players.forEach((p, i) => {
        p.orders = event.data.standingOrders[i] ?? {};
        p.locked = false;
      });
      return;
    case 'OrdersSubmitted':
      s.players[event.data.seat]!.orders = event.data.orders;
      return;
    case 'OrdersLocked':
      s.players[event.data.seat]!.locked = true;
      return;
    case 'OrdersUnlocked':
      s.players[event.data.seat]!.locked = false;
      return;
    case 'MatchPaused':
      s.paused = true;
      return;
    case 'MatchResumed':
      s.paused = false;
      return;
    case 'PlanningEnded':
      for (const p of s.players) p.flows = emptyFlows(p.cash);
      return;
    case 'LegacyIncomePaid': {
      const p = s.players[event.data.seat]!;
      p.cash += event.data.amount;
      p.flows.legacyIncome += event.data.amount;
      return;
    }
    case 'InterestCharged': {
      const p = s.players[event.data.seat]!;
      p.cash -= event.data.amount;
      p.flows.interest += event.data.amount;
      return;
    }
    case 'DebtRepaid': {
      const p = s.players[event.data.seat]!;
      p.cash -= event.data.amount;
      p.debt -= event.data.amount;
      p.flows.repaid += event.data.amount;
      return;
    }
    case 'ChipGenerationActivated': {
      const t = s.players[event.data.seat]!.tech;
      t.chipGeneration = event.data.generation;
      t.pendingGeneration = null;
      return;
    }
    case 'DataBonusMeasured':
      s.players[event.data.seat]!.tech.dataBonus = event.data.dataBonus;
      return;
    case 'ChipResearchFunded': {
      const p = s.players[event.data.seat]!;
      invest(p, 'shared', event.data.amount);
      p.tech.chipRnDTotalM = event.data.totalM;
      return;
    }
    case 'ChipTapedOut':
      s.players[event.data.seat]!.tech.pendingGeneration = {
        generation: event.data.generation,
        fromQuarter: event.data.fromQuarter,
      };
      return;
    case 'AiTrained': {
      const p = s.players[event.data.seat]!;
      invest(p, 'shared', event.data.amount);
      p.tech.capability = event.data.capability;
      return;
    }
    case 'FoundryAuctionCleared': {
      const d = event.data;
      s.foundry = { quarter: d.quarter, supply: d.supply, clearingPriceUsd: d.clearingPriceUsd, sold: d.sold };
      for (const award of d.awards) {
        const p = s.players[award.seat]!;
        p.chips += award.chips;
        spend(p, 'shared', award.paid);
      }
      return;
    }
    case 'PlanningTimerSet':
      s.settings.planningSeconds = event.data.seconds;
      return;
    case 'SeatReplaced':
      s.seats[event.data.seat] = { index: event.data.seat, name: event.data.name, kind: 'bot', bot: { ...event.data.bot } };
      return;
    case 'StagedRevealSet':
      s.reveal = { staged: event.data.on, revealed: resolvedQuarter(s) };
      return;
    case 'ResultsRevealed':
      s.reveal.revealed = event.data.quarter;
      return;
    case 'JoiningSet':
      s.joiningClosed = !event.data.open;
      return;
    case 'ShockInjected':
      s.shocks.injected.push(event.data.cityId ? { cardId: event.data.cardId, cityId: event.data.cityId } : { cardId: event.data.cardId });
      return;
    case 'ShockDrawn': {
      const d = event.data;
      if (d.injected) s.shocks.injected.shift();
      const active: GameState['shocks']['active'][number] = {
        cardId: d.cardId,
        effect: d.effect,
        fromQuarter: d.quarter,
        untilQuarter: d.untilQuarter,
      };
      if (d.cityId) active.cityId = d.cityId;
      if (d.licenseId) active.licenseId = d.licenseId;
      s.shocks.active.push(active);
      s.news.push({ quarter: d.quarter, cardId: d.cardId, headline: d.headline, injected: d.injected });
      // The shock's results are in the event (logs recorded before they were: see upcast).
      const { capabilities, offeredIn } = upcastShock(s, d);
      if (capabilities) s.players.forEach((p, i) => (p.tech.capability = capabilities[i]!));
      if (offeredIn !== undefined && d.licenseId) s.licenses[d.licenseId]!.auctionQuarter = offeredIn;
      return;
    }
    case 'ShockExpired':
      s.shocks.active = s.shocks.active.filter((a) => !(a.cardId === event.data.cardId && a.untilQuarter < event.data.quarter));
      return;
    case 'AutonomyImproved': {
      const p = s.players[event.data.seat]!;
      invest(p, 'robotaxi', event.data.amount);
      p.tech.autonomy = event.data.after;
      return;
    }
    case 'DexterityImproved': {
      const p = s.players[event.data.seat]!;
      invest(p, 'robots', event.data.amount);
      p.tech.dexterity = event.data.after;
      return;
    }
    case 'PhoneAdoptionGrew': {
      const p = s.players[event.data.seat]!;
      invest(p, 'satellites', event.data.amount);
      p.tech.phoneAdoption = event.data.after;
      return;
    }
    case 'SpectrumAuctionCleared': {
      const d = event.data;
      const license = s.licenses[d.licenseId]!;
      if (d.winner === null) {
        license.auctionQuarter = d.reofferedIn;
        return;
      }
      const p = s.players[d.winner]!;
      license.holder = d.winner;
      license.pricePaid = d.price;
      license.auctionQuarter = null;
      p.satellites.licenses.push(d.licenseId);
      p.licenseCost += d.price;
      invest(p, 'satellites', d.price);
      return;
    }
    case 'PermitsAwarded':
      for (const seat of event.data.granted) {
        s.permits[event.data.cityId]!.push(seat);
        s.players[seat]!.robotaxi.permits.push(event.data.cityId);
      }
      return;
    case 'CarsDelivered': {
      const r = s.players[event.data.seat]!.robotaxi;
      r.cars += event.data.cars;
      r.carsOnOrder -= event.data.cars;
      return;
    }
    case 'CarsOrdered': {
      const p = s.players[event.data.seat]!;
      p.robotaxi.carsOnOrder += event.data.cars;
      p.chips -= event.data.cars;
      p.flows.chipsUsed.robotaxi += event.data.cars;
      invest(p, 'robotaxi', event.data.cost);
      return;
    }
    case 'PlantsStarted': {
      const p = s.players[event.data.seat]!;
      const build = { count: event.data.count, readyQuarter: event.data.readyQuarter };
      if (event.data.kind === 'actuatorPlant') p.robots.plantsBuilding.push(build);
      else p.robots.linesBuilding.push(build);
      invest(p, 'robots', event.data.cost);
      return;
    }
    case 'PlantsCompleted': {
      const r = s.players[event.data.seat]!.robots;
      if (event.data.kind === 'actuatorPlant') {
        r.plants += event.data.count;
        r.plantsBuilding = r.plantsBuilding.filter((b) => b.readyQuarter > s.quarter);
      } else {
        r.lines += event.data.count;
        r.linesBuilding = r.linesBuilding.filter((b) => b.readyQuarter > s.quarter);
      }
      return;
    }
    case 'ActuatorsProduced': {
      const p = s.players[event.data.seat]!;
      p.robots.actuators += event.data.qty;
      p.robots.actuatorsMadeTotal += event.data.qty;
      p.flows.actuatorsMade += event.data.qty;
      spend(p, 'robots', event.data.cost);
      return;
    }
    case 'RobotsProduced': {
      const p = s.players[event.data.seat]!;
      p.robots.inventory += event.data.robots;
      p.robots.actuators -= event.data.actuators;
      p.chips -= event.data.robots;
      p.flows.chipsUsed.robots += event.data.robots;
      p.flows.actuatorsUsed += event.data.actuators;
      spend(p, 'robots', event.data.cost);
      return;
    }
    case 'RobotsDeployed': {
      const r = s.players[event.data.seat]!.robots;
      r.inventory -= event.data.robots;
      r.deployed += event.data.robots;
      return;
    }
    case 'SatellitesLaunched': {
      const p = s.players[event.data.seat]!;
      p.satellites.satellites += event.data.satellites;
      invest(p, 'satellites', event.data.cost);
      return;
    }
    case 'SatellitesDecayed':
      s.players[event.data.seat]!.satellites.satellites = event.data.after;
      return;
    case 'RidesServed':
      for (const city of event.data.cities)
        for (const op of city.operators) earn(s.players[op.seat]!, 'robotaxi', op.revenue);
      return;
    case 'RobotsSold':
      for (const seller of event.data.sellers) {
        const p = s.players[seller.seat]!;
        p.robots.inventory -= seller.sold + seller.remoteSold;
        earn(p, 'robots', seller.revenue);
      }
      return;
    case 'SubscribersServed':
      for (const region of event.data.regions)
        for (const provider of region.providers) earn(s.players[provider.seat]!, 'satellites', provider.revenue);
      return;
    case 'ActuatorExchangeCleared':
      for (const fill of event.data.fills) {
        const p = s.players[fill.seat]!;
        if (fill.side === 'sell') {
          p.robots.actuators -= fill.qty;
          earn(p, 'robots', fill.amount);
        } else {
          p.robots.actuators += fill.qty;
          spend(p, 'robots', fill.amount);
        }
      }
      return;
    case 'OperatingCostsCharged': {
      const p = s.players[event.data.seat]!;
      spend(p, 'robotaxi', event.data.robotaxi);
      spend(p, 'robots', event.data.robots);
      spend(p, 'satellites', event.data.satellites);
      return;
    }
    case 'LineCashFlowsReported': {
      const p = s.players[event.data.seat]!;
      for (const line of LINES) {
        p.loops[line].strength = event.data.lines[line].strength;
        p.loops[line].milestone = event.data.lines[line].milestone;
      }
      return;
    }
    case 'LoopProgressed':
      s.players[event.data.seat]!.loops[event.data.line].streak = event.data.streak;
      return;
    case 'LoopClosed':
      s.players[event.data.seat]!.loops[event.data.line].closedQuarter = event.data.quarter;
      return;
    case 'EmergencyLoanTaken': {
      const p = s.players[event.data.seat]!;
      p.cash += event.data.amount;
      p.debt += event.data.amount;
      p.flows.loans += event.data.amount;
      return;
    }
    case 'ValuationAssessed':
      event.data.valuations.forEach((v, i) => {
        s.players[i]!.valuation = v;
      });
      return;
    case 'QuarterResolved':
      s.rng = { ...event.data.rng };
      return;
    // A chat line changes no state: nothing of the game reads it.
    case 'ChatSaid':
      return;
    case 'ChatMuted': {
      const muted = (s.chatMuted ??= { all: false, seats: [] });
      if (event.data.seat === undefined) muted.all = true;
      else if (!muted.seats.includes(event.data.seat)) muted.seats.push(event.data.seat);
      return;
    }
    case 'ChatUnmuted':
      if (!s.chatMuted) return;
      if (event.data.seat === undefined) s.chatMuted = { all: false, seats: [] };
      else s.chatMuted.seats = s.chatMuted.seats.filter((seat) => seat !== event.data.seat);
      return;
    case 'SpectatorDelaySet':
      s.settings.spectatorDelay = event.data.quarters;
      return;
    case 'MatchForked': {
      // The fork starts as the source's state, verbatim (and a copy: event data stays untouched).
      const source = clonePlain(event.data.state);
      for (const key of Object.keys(s)) if (!(key in source)) delete (s as unknown as Record<string, unknown>)[key];
      Object.assign(s, source);
      return;
    }
    case 'ForkOpened':
      s.matchId = event.data.matchId;
      s.seats = event.data.seats.map((seat) => ({ ...seat, ...(seat.bot ? { bot: { ...seat.bot } } : {}) }));
      s.status = 'lobby';
      s.paused = false;
      s.joiningClosed = false;
      for (const p of s.players) p.locked = false;
      return;
    case 'MatchEnded':
      s.status = 'ended';
      s.paused = false;
      s.result = { winner: event.data.winner, ranking: [...event.data.ranking], reason: event.data.reason };
      return;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

/**
 * The commands players send most (a sheet, a lock, an unlock) change one field of one player:
 * copied by hand along that path, the same result as `applyEvent` without immer's proxies.
 */
function seatChange(state: GameState, event: GameEvent): GameState | null {
  if (event.type !== 'OrdersSubmitted' && event.type !== 'OrdersLocked' && event.type !== 'OrdersUnlocked') return null;
  const seat = event.data.seat;
  const p = state.players[seat];
  if (!p) return null;
  const players = state.players.slice();
  players[seat] = event.type === 'OrdersSubmitted' ? { ...p, orders: event.data.orders } : { ...p, locked: event.type === 'OrdersLocked' };
  return { ...state, players };
}

/** Above this many events (a quarter's resolution touches every player), copying beats immer's proxies. */
const COPY_FROM_EVENTS = 8;

/**
 * The live path: a new state per command, the old one untouched, in one of three ways. A sheet,
 * a lock or an unlock is copied by hand along its one path. A quarter's resolution changes nearly
 * everything, so it runs the recipes on a plain copy (sharing the scenario, which no event
 * changes), several times faster than through immer's proxies. Anything else runs inside one
 * immer produce, which shares every part it did not touch.
 */
export function evolveAll(state: GameState, events: readonly GameEvent[]): GameState {
  if (events.length === 0) return state;
  if (events.length === 1) {
    const quick = seatChange(state, events[0]!);
    if (quick) return quick;
  }
  if (events.length >= COPY_FROM_EVENTS) {
    const next = clonePlain({ ...state, scenario: null }) as unknown as GameState;
    next.scenario = state.scenario;
    for (const event of events) applyEvent(next, event);
    return next;
  }
  return produce(state, (draft) => {
    for (const event of events) applyEvent(draft as GameState, event);
  });
}

export function evolve(state: GameState, event: GameEvent): GameState {
  return evolveAll(state, [event]);
}
