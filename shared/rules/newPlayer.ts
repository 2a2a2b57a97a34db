import type { LedgerAccount, LoopState, PlayerState, QuarterFlows } from '../domain/state';
import type { Scenario } from '../scenario/types';
import { usdFromM } from './money';

const accounts = (): Record<LedgerAccount, number> => ({ shared: 0, robotaxi: 0, robots: 0, satellites: 0 });
const openLoop = (): LoopState => ({ streak: 0, closedQuarter: null, strength: 0, milestone: false });

export function emptyFlows(cashAtStart: number): QuarterFlows {
  return {
    cashAtStart,
    legacyIncome: 0,
    interest: 0,
    loans: 0,
    repaid: 0,
    revenue: accounts(),
    spend: accounts(),
    invest: accounts(),
    chipsUsed: { robotaxi: 0, robots: 0 },
    actuatorsMade: 0,
    actuatorsUsed: 0,
  };
}

export function newPlayer(seat: number, scenario: Scenario): PlayerState {
  const cash = usdFromM(scenario.startingCashM);
  const s = scenario.start;
  return {
    seat,
    cash,
    debt: 0,
    orders: {},
    locked: false,
    tech: {
      chipGeneration: s.chipGeneration,
      pendingGeneration: null,
      chipRnDTotalM: 0,
      capability: s.capability,
      autonomy: s.autonomy,
      dexterity: s.dexterity,
      phoneAdoption: s.phoneAdoption,
      dataBonus: 0,
    },
    chips: 0,
    robotaxi: { cars: 0, carsOnOrder: 0, permits: [] },
    robots: { plants: 0, plantsBuilding: [], lines: 0, linesBuilding: [], actuators: 0, actuatorsMadeTotal: 0, inventory: 0, deployed: 0 },
    satellites: { satellites: 0, licenses: [] },
    licenseCost: 0,
    loops: { robotaxi: openLoop(), robots: openLoop(), satellites: openLoop() },
    flows: emptyFlows(cash),
    valuation: cash,
  };
}
