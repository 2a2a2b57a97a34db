import type { StepContext } from './context';

/**
 * City permits: an application counts when autonomy meets the city's minimum; more eligible
 * applicants than free slots ⇒ highest autonomy first, equal autonomy in an order the generator
 * draws. A permit is kept for the rest of the match.
 */
export function permitsStep({ state, quarter, rng, emit }: StepContext): void {
  for (const city of state.scenario.robotaxi.cities) {
    const holders = state.permits[city.id]!;
    const applicants = state.players.filter(
      (p) => p.orders.applyPermits?.includes(city.id) && !holders.includes(p.seat),
    );
    if (applicants.length === 0) continue;
    const refused: Array<{ seat: number; reason: 'autonomy' | 'slots' }> = [];
    const eligible = applicants.filter((p) => {
      const ok = p.tech.autonomy >= city.minAutonomy;
      if (!ok) refused.push({ seat: p.seat, reason: 'autonomy' });
      return ok;
    });
    let free = Math.max(0, city.permitSlots - holders.length);
    const granted: number[] = [];
    const levels = [...new Set(eligible.map((p) => p.tech.autonomy))].sort((a, b) => b - a);
    for (const level of levels) {
      const group = eligible.filter((p) => p.tech.autonomy === level).map((p) => p.seat);
      const order = group.length > free && free > 0 ? rng.shuffle(group) : group;
      order.forEach((seat) => {
        if (free > 0) {
          granted.push(seat);
          free -= 1;
        } else refused.push({ seat, reason: 'slots' });
      });
    }
    refused.sort((a, b) => a.seat - b.seat);
    emit({ type: 'PermitsAwarded', data: { quarter, cityId: city.id, granted, refused } });
  }
}
