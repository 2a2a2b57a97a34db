import type { GameEvent } from '../../shared/domain/events';
import type { Orders } from '../../shared/domain/orders';

// Hypothetical pasts for given(...): facts as the engine would have recorded them.

export const fact = {
  orders: (seat: number, quarter: number, orders: Orders): GameEvent => ({ type: 'OrdersSubmitted', data: { seat, quarter, orders } }),
  autonomy: (seat: number, after: number): GameEvent => ({ type: 'AutonomyImproved', data: { seat, amount: 0, before: 50, after } }),
  dexterity: (seat: number, after: number): GameEvent => ({ type: 'DexterityImproved', data: { seat, amount: 0, before: 10, after } }),
  adoption: (seat: number, after: number): GameEvent => ({
    type: 'PhoneAdoptionGrew',
    data: { seat, amount: 0, before: 0, after, stalled: false },
  }),
  license: (seat: number, licenseId: string, quarter = 1): GameEvent => ({
    type: 'SpectrumAuctionCleared',
    data: { quarter, licenseId, bids: [], winner: seat, price: 0, reofferedIn: null },
  }),
  satellites: (seat: number, satellites: number): GameEvent => ({
    type: 'SatellitesLaunched',
    data: { seat, launches: 0, failed: 0, satellites, cost: 0 },
  }),
  chips: (awards: Array<[number, number]>): GameEvent => ({
    type: 'FoundryAuctionCleared',
    data: {
      quarter: 0,
      supply: 0,
      clearingPriceUsd: 0,
      sold: 0,
      awards: awards.map(([seat, chips]) => ({ seat, requested: chips, maxPriceUsd: 0, chips, paid: 0 })),
    },
  }),
  permit: (seat: number, cityId: string): GameEvent => ({ type: 'PermitsAwarded', data: { quarter: 0, cityId, granted: [seat], refused: [] } }),
  plants: (seat: number, kind: 'actuatorPlant' | 'robotLine', count: number): GameEvent[] => [
    { type: 'PlantsStarted', data: { seat, kind, count, cost: 0, readyQuarter: 0 } },
    { type: 'PlantsCompleted', data: { seat, kind, count } },
  ],
  cars: (seat: number, cars: number): GameEvent[] => [
    { type: 'CarsOrdered', data: { seat, cars, requested: cars, cost: 0 } },
    { type: 'CarsDelivered', data: { seat, cars } },
  ],
  deployed: (seat: number, robots: number): GameEvent[] => [
    { type: 'RobotsProduced', data: { seat, robots, requested: robots, actuators: 0, cost: 0 } },
    { type: 'RobotsDeployed', data: { seat, robots } },
  ],
  quarter: (quarter: number, seats: number): GameEvent => ({
    type: 'PlanningOpened',
    data: { quarter, standingOrders: Array.from({ length: seats }, () => ({})) },
  }),
};
