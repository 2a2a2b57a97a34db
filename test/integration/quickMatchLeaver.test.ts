import { describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/wire/ranked';
import { accountClient } from '../support/accountFlow';
import { QueuedPlayer } from '../support/queueClient';
import { useTestServer } from '../support/testServer';

// A ranked match goes on without a player who leaves it (their seat on autopilot, at the timer's
// pace), so leaving a match that goes badly cannot stall it or dodge its rating.

const live = useTestServer('quick-leaver-', { quickMatch: { waitSeconds: 1, planningSeconds: 1, quarters: 2 } });

describe('a ranked match without its player', () => {
  it('plays on to its end when its only player leaves, and rates them', async () => {
    const signed = await accountClient(live.server.port).auth.signInAnonymously({ name: 'Gil' });
    const userId = (signed.user as { id: string }).id;
    const queued = await QueuedPlayer.join(live.server.port, signed.token);
    const player = await queued.takeSeat();
    const matchId = queued.matched!.matchId;
    // Gone before the first quarter's clock has even run out, and never back.
    await player.leave();
    const start = Date.now();
    let profile: Profile | null = null;
    while (Date.now() - start < 30_000) {
      profile = (await (await fetch(`http://127.0.0.1:${live.server.port}/api/profile/${userId}`)).json()) as Profile;
      if (profile.matches.length > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(profile!.matches).toHaveLength(1);
    // At the clock's pace (2 s for the first quarter, 1 s for the second), not raced through by bots.
    expect(Date.now() - start).toBeGreaterThanOrEqual(2500);
    expect(profile!.matches[0]).toMatchObject({ matchId, of: 4 });
    const log = await live.server.registry.store.read(matchId);
    expect(log.filter((e) => e.type === 'QuarterResolved').map((e) => (e.type === 'QuarterResolved' ? e.data.quarter : 0))).toEqual([1, 2]);
    expect(log.some((e) => e.type === 'MatchEnded')).toBe(true);
  });
});
