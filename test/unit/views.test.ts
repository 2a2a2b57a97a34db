import { describe, expect, it } from 'vitest';
import type { LocalMatch } from '../../shared/sim/LocalMatch';
import { quarterReport } from '../../shared/views/quarterReport';
import { viewFor } from '../../shared/views/viewFor';
import { asPlayer, endPlanning, newTestMatch, submit } from '../support/newTestMatch';

function matchWithSecrets(): LocalMatch {
  const m = newTestMatch({ players: 3, seed: 'views' });
  submit(m, 0, { chipRnD: 1111, spectrumBids: { 'north-america-s': 2222 }, foundryBid: { chips: 12_345, maxPriceUsd: 1357 } });
  submit(m, 1, { aiTraining: 999, spectrumBids: { 'north-america-s': 1999 }, foundryBid: { chips: 5_000, maxPriceUsd: 975 } });
  m.exec({ type: 'LockOrders', data: { seat: 1, quarter: 1 } }, asPlayer(1));
  return m;
}

describe('viewFor: hidden information', () => {
  it('a player sees their own orders and books, and only public results of others', () => {
    const m = matchWithSecrets();
    const view = viewFor(m.state, { role: 'player', seat: 1 });
    expect(view.me!.orders.aiTraining).toBe(999);
    expect(view.me!.cash).toBe(15_000_000_000);
    const text = JSON.stringify(view);
    expect(text).not.toContain('2222');
    expect(text).not.toContain('1357');
    expect(text).not.toContain('12345');
    expect(view.players.map((p) => p.locked)).toEqual([false, true, false]);
    expect(view.players[0]).not.toHaveProperty('cash');
    expect(view.everyone).toBeNull();
  });

  it('a spectator sees public results only; nobody sees the generator', () => {
    const m = matchWithSecrets();
    for (const viewer of [{ role: 'spectator' } as const, { role: 'facilitator' } as const, { role: 'player', seat: 0 } as const]) {
      const view = viewFor(m.state, viewer);
      const text = JSON.stringify(view);
      expect(text).not.toContain('"rng"');
      expect(text).not.toContain(String(m.state.rng.a));
      expect(view.seed).toBeNull();
      if (viewer.role !== 'player') {
        expect(view.me).toBeNull();
        expect(text).not.toContain('1111');
        expect(text).not.toContain('999');
      }
    }
    expect(viewFor(m.state, { role: 'spectator' }).queuedShocks).toBeNull();
    m.exec({ type: 'InjectShock', data: { cardId: 'foundry-fire' } }, { role: 'facilitator' });
    expect(viewFor(m.state, { role: 'facilitator' }).queuedShocks).toEqual([{ cardId: 'foundry-fire' }]);
    expect(viewFor(m.state, { role: 'player', seat: 0 }).queuedShocks).toBeNull();
  });

  it('once the match has ended, everything is public', () => {
    const m = newTestMatch({ players: 2, seed: 'views-end' });
    while (m.state.status === 'planning') {
      submit(m, 0, { aiTraining: 100 });
      endPlanning(m);
    }
    const view = viewFor(m.state, { role: 'spectator' });
    expect(view.everyone!.map((p) => p.orders)).toEqual(m.state.players.map((p) => p.orders));
    expect(view.everyone![0]!.cash).toBe(m.state.players[0]!.cash);
    expect(view.seed).toBe('views-end');
    expect(view.result).toEqual(m.state.result);
  });
});

describe('quarter report', () => {
  it('projects a quarter into public results, the player’s own detail, and every seat for spectators', () => {
    const m = matchWithSecrets();
    endPlanning(m);
    const forSeat0 = quarterReport(m.log, 1, { role: 'player', seat: 0 }, 3);
    expect(forSeat0.public.spectrum.find((s) => s.licenseId === 'north-america-s')).toEqual({
      licenseId: 'north-america-s',
      winner: 0,
      price: 1_999_000_000,
      bidders: 2,
      reofferedIn: null,
    });
    // Three seats: 15,000 chips for 17,345 asked, so the lowest filled bid ($975) is the price.
    expect(forSeat0.public.foundry).toEqual({
      supply: 15_000,
      clearingPriceUsd: 975,
      sold: 15_000,
      chipsWon: [
        { seat: 0, chips: 12_345 },
        { seat: 1, chips: 2_655 },
      ],
    });
    expect(forSeat0.own!.spectrumBids).toEqual([{ licenseId: 'north-america-s', amountM: 2222, won: true, price: 1_999_000_000 }]);
    expect(forSeat0.own!.foundry).toEqual({ requested: 12_345, maxPriceUsd: 1357, chips: 12_345, paid: 12_345 * 975 });
    expect(forSeat0.own!.lines!.satellites.spend).toBe(1_999_000_000);
    expect(forSeat0.own!.research.capability).toBeUndefined();
    expect(forSeat0.seats).toBeNull();
    expect(JSON.stringify(forSeat0.public)).not.toContain('2222');

    const forSpectator = quarterReport(m.log, 1, { role: 'spectator' }, 3);
    expect(forSpectator.own).toBeNull();
    expect(forSpectator.seats!.map((s) => s.seat)).toEqual([0, 1, 2]);
    expect(forSpectator.seats![1]!.research.capability!.before).toBe(30);
    expect(forSpectator.public.valuations).toHaveLength(3);
    expect(quarterReport(m.log, 7, { role: 'spectator' }, 3).public.foundry).toBeNull();
  });
});
