import type { Orders } from '../../shared/domain/orders';
import type { GameState, PlayerState } from '../../shared/domain/state';
import { bidsPerQuarter, permitsLeft } from '../../shared/rules/ordersRules';
import { licensesForSale } from '../../shared/rules/spectrumSchedule';

// Simple scripted players for whole-match tests: one line each, fixed habits, always affordable.

export type Script = (state: GameState, p: PlayerState) => Orders;

const M = 1_000_000;
const cash = (p: PlayerState) => p.cash / M;

function eligibleCities(state: GameState, p: PlayerState): string[] {
  return state.scenario.robotaxi.cities
    .filter((c) => p.tech.autonomy >= c.minAutonomy && !p.robotaxi.permits.includes(c.id) && state.permits[c.id]!.length < c.permitSlots)
    .map((c) => c.id)
    .slice(0, permitsLeft(state.scenario, state.players.length, p.robotaxi.permits.length));
}

export const robotaxiScript: Script = (state, p) => {
  const budget = cash(p);
  const cars = p.tech.autonomy >= 70 ? Math.min(12_000, Math.floor((budget * 0.25 * M) / 40_000)) : 0;
  return {
    aiTraining: Math.min(900, budget * 0.1),
    fsdRnD: p.tech.autonomy < 92 ? Math.min(1500, budget * 0.15) : 200,
    chipRnD: p.tech.chipRnDTotalM < 2500 ? Math.min(500, budget * 0.05) : 0,
    foundryBid: cars > 0 ? { chips: cars, maxPriceUsd: 1200 } : undefined,
    buyCars: Math.min(cars, p.chips + cars),
    applyPermits: eligibleCities(state, p),
    ridePriceUsd: 12,
  } as Orders;
};

export const robotsScript: Script = (state, p) => {
  const budget = cash(p);
  const q = state.quarter;
  const lines = p.robots.lines + p.robots.linesBuilding.reduce((n, b) => n + b.count, 0);
  const plants = p.robots.plants + p.robots.plantsBuilding.reduce((n, b) => n + b.count, 0);
  const produce = p.robots.lines * 5000;
  const deploy = p.robots.deployed < 6000 ? Math.min(p.robots.inventory + produce, 3000) : 0;
  return {
    aiTraining: Math.min(700, budget * 0.08),
    robotRnD: p.tech.dexterity < 85 ? Math.min(1400, budget * 0.15) : 200,
    buildActuatorPlants: plants < 2 && budget > 3000 ? 1 : 0,
    buildRobotLines: lines < Math.min(4, 1 + Math.floor(q / 3)) && budget > 3000 ? 1 : 0,
    foundryBid: produce > 0 ? { chips: produce, maxPriceUsd: 1200 } : undefined,
    produceRobots: produce,
    deployInternal: deploy,
    robotPriceUsd: 48_000,
  } as Orders;
};

export const satellitesScript: Script = (state, p) => {
  const budget = cash(p);
  const bids: Record<string, number> = {};
  let committed = 0;
  for (const l of licensesForSale(state).sort((a, b) => a.reserveM - b.reserveM)) {
    const bid = Math.round(l.reserveM * 1.1);
    if (committed + bid < budget * 0.6 && Object.keys(bids).length < bidsPerQuarter(state.scenario)) {
      bids[l.id] = bid;
      committed += bid;
    }
  }
  return {
    spectrumBids: bids,
    launches: budget - committed > 2000 ? 4 : 1,
    phonePartnerships: Math.min(400, budget * 0.05),
    subscriptionPriceUsd: 5,
  };
};

export const balancedScript: Script = (state, p) => {
  const a = robotaxiScript(state, p);
  const b = robotsScript(state, p);
  const scale = (x: number | undefined) => (x === undefined ? undefined : Math.floor(x / 2));
  return {
    aiTraining: (a.aiTraining ?? 0) * 0.8,
    fsdRnD: (a.fsdRnD ?? 0) / 2,
    robotRnD: (b.robotRnD ?? 0) / 2,
    applyPermits: a.applyPermits,
    buyCars: scale(a.buyCars),
    foundryBid: a.foundryBid ? { chips: Math.floor(a.foundryBid.chips / 2), maxPriceUsd: 1100 } : undefined,
    launches: 1,
    ridePriceUsd: 12,
  } as Orders;
};

export const SCRIPTS: Script[] = [robotaxiScript, robotsScript, satellitesScript, balancedScript];

/** Drops undefined members so the sheet passes the exact-key check. */
export function clean(orders: Orders): Orders {
  return JSON.parse(JSON.stringify(orders)) as Orders;
}
