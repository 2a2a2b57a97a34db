import { produce } from 'immer';
import type { GameEvent } from '../domain/events';
import type { GameState, LedgerAccount, PlayerState } from '../domain/state';
import { emptyFlows, newPlayer } from './newPlayer';

// evolve is total: it never validates and never draws random numbers; it only writes down facts
// that decide already checked. The recipes mutate a draft, so the live path runs them inside one
// immer produce per command and the replay path runs them on a private plain clone.

function spend(p: PlayerState, account: LedgerAccount, amount: number): void {
  p.cash -= amount;
  p.flows.spend[account] += amount;
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
      return;
    }
    case 'SeatClaimed': {
      const d = event.data;
      s.seats[d.seat] = d.bot
        ? { index: d.seat, name: d.name, kind: d.kind, bot: { ...d.bot } }
        : { index: d.seat, name: d.name, kind: d.kind };
      return;
    }
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
      spend(p, 'shared', event.data.amount);
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
      spend(p, 'shared', event.data.amount);
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

/** The live path: one immer produce for all the events of one command. */
export function evolveAll(state: GameState, events: readonly GameEvent[]): GameState {
  if (events.length === 0) return state;
  return produce(state, (draft) => {
    for (const event of events) applyEvent(draft as GameState, event);
  });
}

export function evolve(state: GameState, event: GameEvent): GameState {
  return evolveAll(state, [event]);
}
