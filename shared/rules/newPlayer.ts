import type { LedgerAccount, PlayerState, QuarterFlows } from '../domain/state';
import type { Scenario } from '../scenario/types';
import { usdFromM } from './money';

const accounts = (): Record<LedgerAccount, number> => ({ shared: 0, robotaxi: 0, robots: 0, satellites: 0 });

export function emptyFlows(cashAtStart: number): QuarterFlows {
  return { cashAtStart, legacyIncome: 0, interest: 0, loans: 0, repaid: 0, revenue: accounts(), spend: accounts() };
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
    cars: 0,
    robotsDeployed: 0,
    flows: emptyFlows(cash),
    valuation: cash,
  };
}
