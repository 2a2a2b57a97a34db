import type { Orders } from '../../../shared/domain/orders';
import type { RobotsState, TechState } from '../../../shared/domain/state';
import { usdFromM } from '../../../shared/rules/money';
import { committedSpendFor } from '../../../shared/rules/ordersRules';
import { autonomyAfter } from '../../../shared/rules/lines/robotaxi';
import { dexterityAfter } from '../../../shared/rules/lines/robots';
import { capabilityAfter } from '../../../shared/rules/steps/research';
import type { Scenario } from '../../../shared/scenario/types';

/** The player's own books as the room sends them (its row's `books`), as far as the sheet reads them. */
export interface OwnBooks {
  tech?: Pick<TechState, 'chipGeneration' | 'capability' | 'autonomy' | 'dexterity' | 'phoneAdoption' | 'dataBonus'>;
  chips?: number;
  robots?: RobotsState;
  robotaxi?: { permits: string[] };
  satellites?: { licenses: string[] };
}

export interface Projection {
  /** The most the sheet can cost this quarter, in dollars, as the server checks it. */
  committedUsd: number;
  /** The part of it that is spectrum bids (paid only if won), shown apart from the budgets. */
  bidsUsd: number;
  cashUsd: number;
  over: boolean;
  /** Research levels before → after, from the engine's own growth rules (others' moves aside). */
  capability: [number, number] | null;
  autonomy: [number, number] | null;
  dexterity: [number, number] | null;
  carsOrdered: number;
  robotsBuilt: number;
  satellitesLaunched: number;
  chipsBid: number;
}

/** What a sheet costs and does, computed with the same rules the server resolves it by. */
export function project(orders: Orders, books: OwnBooks, cashUsd: number, sc: Scenario): Projection {
  const tech = books.tech;
  const committedUsd = committedSpendFor(sc, tech?.chipGeneration ?? 0, orders);
  let capability: Projection['capability'] = null;
  let autonomy: Projection['autonomy'] = null;
  let dexterity: Projection['dexterity'] = null;
  if (tech) {
    const mu = sc.chips.generations[tech.chipGeneration]!.multiplier;
    const ai = orders.aiTraining ?? 0;
    const d = tech.dataBonus;
    capability = [tech.capability, ai > 0 ? capabilityAfter(tech.capability, ai, mu, d, sc.ai.trainingScaleM) : tech.capability];
    autonomy = [tech.autonomy, autonomyAfter(tech.autonomy, orders.fsdRnD ?? 0, ai, mu, tech.capability, d, sc)];
    dexterity = [tech.dexterity, dexterityAfter(tech.dexterity, orders.robotRnD ?? 0, ai, mu, tech.capability, d, sc)];
  }
  return {
    committedUsd,
    bidsUsd: Object.values(orders.spectrumBids ?? {}).reduce((n, m) => n + usdFromM(m), 0),
    cashUsd,
    over: committedUsd > cashUsd,
    capability,
    autonomy,
    dexterity,
    carsOrdered: orders.buyCars ?? 0,
    robotsBuilt: Math.min(orders.produceRobots ?? 0, (books.robots?.lines ?? 0) * sc.robots.lineCapacityPerQuarter),
    satellitesLaunched: (orders.launches ?? 0) * sc.satellites.satellitesPerLaunch,
    chipsBid: orders.foundryBid?.chips ?? 0,
  };
}
