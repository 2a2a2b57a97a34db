import type { Orders } from '../../../shared/domain/orders';

/** The line groups of the sheet, in the order the advanced panel shows them. */
export type SheetGroup = 'shared' | 'robotaxi' | 'robots' | 'satellites';

/** One numeric entry of the orders sheet: where it lives in `Orders` and how it is typed. */
export interface SheetField {
  path: string;
  group: SheetGroup;
  /** The i18n key of its label. */
  label: string;
  integer: boolean;
  step: number;
}

// Every numeric order of GAME.md's sheet. Cities and spectrum bids are choices shown in both modes.
export const SHEET_FIELDS: readonly SheetField[] = [
  { path: 'chipRnD', group: 'shared', label: 'chipRnDM', integer: false, step: 50 },
  { path: 'aiTraining', group: 'shared', label: 'aiTrainingM', integer: false, step: 50 },
  { path: 'foundryBid.chips', group: 'shared', label: 'bidChips', integer: true, step: 1000 },
  { path: 'foundryBid.maxPriceUsd', group: 'shared', label: 'maxChipPrice', integer: false, step: 50 },
  { path: 'fsdRnD', group: 'robotaxi', label: 'fsdRnD', integer: false, step: 50 },
  { path: 'buyCars', group: 'robotaxi', label: 'buyCars', integer: true, step: 100 },
  { path: 'ridePriceUsd', group: 'robotaxi', label: 'ridePrice', integer: false, step: 0.5 },
  { path: 'robotRnD', group: 'robots', label: 'robotRnD', integer: false, step: 50 },
  { path: 'buildActuatorPlants', group: 'robots', label: 'buildPlants', integer: true, step: 1 },
  { path: 'buildRobotLines', group: 'robots', label: 'buildLines', integer: true, step: 1 },
  { path: 'produceRobots', group: 'robots', label: 'produceRobots', integer: true, step: 100 },
  { path: 'deployInternal', group: 'robots', label: 'deployInternal', integer: true, step: 100 },
  { path: 'robotPriceUsd', group: 'robots', label: 'robotPrice', integer: false, step: 1000 },
  { path: 'actuatorSell.qty', group: 'robots', label: 'actuatorSellQty', integer: true, step: 1000 },
  { path: 'actuatorSell.priceUsd', group: 'robots', label: 'actuatorSellPrice', integer: false, step: 10 },
  { path: 'actuatorBuy.qty', group: 'robots', label: 'actuatorBuyQty', integer: true, step: 1000 },
  { path: 'actuatorBuy.priceUsd', group: 'robots', label: 'actuatorBuyPrice', integer: false, step: 10 },
  { path: 'launches', group: 'satellites', label: 'launches', integer: true, step: 1 },
  { path: 'phonePartnerships', group: 'satellites', label: 'phonePartnerships', integer: false, step: 50 },
  { path: 'subscriptionPriceUsd', group: 'satellites', label: 'subscriptionPrice', integer: false, step: 0.5 },
];

type Loose = Record<string, unknown>;

/** The value at `path` ("foundryBid.chips"), or undefined when the sheet leaves it out. */
export function readField(orders: Orders, path: string): number | undefined {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const v = (orders as Loose)[head];
  if (tail === undefined) return typeof v === 'number' ? v : undefined;
  const inner = v as Loose | undefined;
  return typeof inner?.[tail] === 'number' ? (inner[tail] as number) : undefined;
}

/**
 * A copy of the sheet with `path` set to `value`, or left out when `value` is undefined. A pair
 * (foundry bid, actuator orders) is dropped once both its numbers are left out, and a half-filled
 * pair is sent as it is, so the server names the missing half.
 */
export function writeField(orders: Orders, path: string, value: number | undefined): Orders {
  const out = structuredClone(orders) as Loose;
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) {
    if (value === undefined) delete out[head];
    else out[head] = value;
    return out as Orders;
  }
  const inner = { ...((out[head] as Loose | undefined) ?? {}) };
  if (value === undefined) delete inner[tail];
  else inner[tail] = value;
  if (Object.keys(inner).length === 0) delete out[head];
  else out[head] = inner;
  return out as Orders;
}

/** An input's text as a sheet value: blank is "nothing", anything else a number (maybe invalid). */
export function parseEntry(text: string): number | undefined {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return undefined;
  return Number(trimmed);
}
