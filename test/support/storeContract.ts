import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { sealEvents, type EventEnvelope } from '../../shared/replay/envelope';
import { type EventStore, type MatchRecord, StoreError } from '../../server/store/EventStore';

export interface StoreHarness {
  store: EventStore;
  /** Closes the store and opens it again on the same data (durability). */
  reopen(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

const sha = (s: string) => createHash('sha256').update(s).digest('hex');
/** `n` facts for a match's log (pauses of quarters from+1 …). */
export const facts = (n: number, from = 0): GameEvent[] =>
  Array.from({ length: n }, (_, i) => ({ type: 'MatchPaused', data: { quarter: from + i + 1 } }) as GameEvent);

export function newMatch(id: string, code: string, classroom = false) {
  return { matchId: id, joinCode: code, classroom, createdAt: 1_000 + code.charCodeAt(0), facilitatorKeyHash: classroom ? sha(`key-${id}`) : null };
}

async function expectStoreError(p: Promise<unknown>, code: StoreError['code']): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err, `expected ${code}`).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
}

/** The contract every EventStore implementation passes, against a real database. */
export function describeEventStoreContract(name: string, open: () => Promise<StoreHarness>): void {
  describe(`EventStore contract: ${name}`, () => {
    let h: StoreHarness;
    let store: EventStore;
    beforeEach(async () => {
      h = await open();
      store = h.store;
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('creates matches, finds them by id and join code, refuses duplicates', async () => {
      await store.create(newMatch('m1', 'ABCDE'));
      expect(await store.getMatch('m1')).toEqual({
        matchId: 'm1',
        joinCode: 'ABCDE',
        status: 'waiting',
        classroom: false,
        createdAt: 1_065,
        finishedAt: null,
        version: 0,
        listing: null,
      });
      expect((await store.findByJoinCode('ABCDE'))!.matchId).toBe('m1');
      expect(await store.getMatch('nope')).toBeNull();
      expect(await store.findByJoinCode('ZZZZZ')).toBeNull();
      await expectStoreError(store.create(newMatch('m1', 'QQQQQ')), 'MATCH_EXISTS');
      await expectStoreError(store.create(newMatch('m2', 'ABCDE')), 'JOIN_CODE_TAKEN');
    });

    it('appends at the expected version and reads back in order, from any seq', async () => {
      await store.create(newMatch('m1', 'ABCDE'));
      const first = sealEvents('m1', null, facts(3), 10);
      expect(await store.append('m1', 0, first)).toBe(3);
      const second = sealEvents('m1', first[2]!, facts(2, 3), 11);
      expect(await store.append('m1', 3, second)).toBe(5);
      expect(await store.read('m1')).toEqual([...first, ...second]);
      expect((await store.read('m1', 4)).map((e) => e.seq)).toEqual([4, 5]);
      expect((await store.getMatch('m1'))!.version).toBe(5);
      expect(await store.read('other')).toEqual([]);
    });

    it('refuses a stale version and writes nothing', async () => {
      await store.create(newMatch('m1', 'ABCDE'));
      const first = sealEvents('m1', null, facts(2), 10);
      await store.append('m1', 0, first);
      const late = sealEvents('m1', null, facts(1), 12);
      await expectStoreError(store.append('m1', 0, late), 'VERSION_CONFLICT');
      await expectStoreError(store.append('m1', 5, sealEvents('m1', first[1]!, facts(1), 12)), 'VERSION_CONFLICT');
      expect(await store.read('m1')).toEqual(first);
      await expectStoreError(store.append('ghost', 0, sealEvents('ghost', null, facts(1), 1)), 'MATCH_NOT_FOUND');
    });

    it('appends all or nothing: a batch that breaks the chain leaves the log as it was', async () => {
      await store.create(newMatch('m1', 'ABCDE'));
      const first = sealEvents('m1', null, facts(2), 10);
      await store.append('m1', 0, first);
      const batch = sealEvents('m1', first[1]!, facts(3, 2), 11);
      const broken: EventEnvelope[] = [batch[0]!, batch[1]!, { ...batch[2]!, prevHash: 'f'.repeat(64) }];
      await expectStoreError(store.append('m1', 2, broken), 'BROKEN_CHAIN');
      const wrongMatch = sealEvents('m2', first[1]!, facts(1, 2), 11).map((e) => ({ ...e, seq: 3 }));
      await expectStoreError(store.append('m1', 2, wrongMatch), 'BROKEN_CHAIN');
      expect(await store.read('m1')).toEqual(first);
      expect((await store.getMatch('m1'))!.version).toBe(2);
      expect(await store.append('m1', 2, batch)).toBe(5);
    });

    it('lists matches by status, newest first, and marks them finished', async () => {
      await store.create(newMatch('a', 'AAAAA'));
      await store.create(newMatch('b', 'BBBBB'));
      await store.create(newMatch('c', 'CCCCC'));
      await store.setStatus('b', 'live', 2_000);
      await store.markFinished('c', 3_000);
      expect((await store.listMatches()).map((m) => m.matchId)).toEqual(['c', 'b', 'a']);
      expect((await store.listMatches({ status: 'waiting' })).map((m) => m.matchId)).toEqual(['a']);
      expect((await store.listMatches({ status: 'live' })).map((m) => m.matchId)).toEqual(['b']);
      expect(await store.listMatches({ status: 'finished' })).toMatchObject([{ matchId: 'c', status: 'finished', finishedAt: 3_000 }]);
      expect(await store.listMatches({ limit: 1 })).toHaveLength(1);
      await expectStoreError(store.markFinished('ghost', 1), 'MATCH_NOT_FOUND');
    });

    it('keeps each match its listing, lists only what the public may see, and filters by creation time', async () => {
      await store.create(newMatch('open', 'AAAAA'));
      await store.create(newMatch('class', 'BBBBB', true));
      await store.create(newMatch('gone', 'CCCCC'));
      await store.create(newMatch('new', 'DDDDD'));
      await store.setStatus('gone', 'expired', 2_000);
      await store.saveListing('open', '{"quarter":3}');
      await store.saveListing('open', '{"quarter":4}');
      expect((await store.getMatch('open'))!.listing).toBe('{"quarter":4}');
      expect((await store.listMatches({ status: 'waiting' }))[2]).toMatchObject({ matchId: 'open', listing: '{"quarter":4}' });
      expect((await store.listMatches({ listed: true })).map((m) => m.matchId)).toEqual(['new', 'open']);
      expect((await store.listMatches({ listed: true, status: 'expired' })).map((m) => m.matchId)).toEqual([]);
      // Created at 1,000 + the code's first letter: A 1,065, B 1,066, C 1,067, D 1,068.
      expect((await store.listMatches({ createdBefore: 1_067 })).map((m) => m.matchId)).toEqual(['class', 'open']);
      expect((await store.listMatches({ createdBefore: 1_068, status: 'waiting', limit: 1 })).map((m) => m.matchId)).toEqual(['class']);
    });

    it('pages through matches after a given one: every match once, in order, ties on the creation time included', async () => {
      // Three share one creation time, so the page boundary falls inside a tie.
      const codes = ['AAAAA', 'BBBBB', 'BCCCC', 'BDDDD', 'CEEEE', 'DFFFF', 'EGGGG'];
      for (const [i, code] of codes.entries()) await store.create(newMatch(`m${i}`, code));
      await store.setStatus('m6', 'live', 2_000);
      const pageThrough = async (status?: 'waiting') => {
        const seen: string[] = [];
        let after: MatchRecord | undefined;
        for (;;) {
          const page = await store.listMatches({ limit: 2, ...(status ? { status } : {}), ...(after ? { after } : {}) });
          seen.push(...page.map((m) => m.matchId));
          if (page.length < 2) return seen;
          after = page[page.length - 1];
        }
      };
      expect(await pageThrough()).toEqual((await store.listMatches({ limit: 100 })).map((m) => m.matchId));
      expect(new Set(await pageThrough()).size).toBe(7);
      expect(await pageThrough('waiting')).toEqual((await store.listMatches({ status: 'waiting' })).map((m) => m.matchId));
      expect(await pageThrough('waiting')).toHaveLength(6);
    });

    it('keeps seat tokens and facilitator keys as hashes only, and checks them', async () => {
      await store.create(newMatch('m1', 'ABCDE', true));
      await store.saveSeatToken('m1', 2, sha('token-2'));
      await store.saveSeatToken('m1', 3, sha('token-3'));
      expect(await store.seatForToken('m1', sha('token-2'))).toBe(2);
      expect(await store.seatForToken('m1', sha('token-3'))).toBe(3);
      expect(await store.seatForToken('m1', sha('stolen'))).toBeNull();
      expect(await store.facilitatorKeyMatches('m1', sha('key-m1'))).toBe(true);
      expect(await store.facilitatorKeyMatches('m1', sha('guess'))).toBe(false);
      await store.create(newMatch('m2', 'QWERT'));
      expect(await store.facilitatorKeyMatches('m2', sha('key-m2'))).toBe(false);
      // A seat keeps every token it handed out (a team's members may hold different ones).
      await store.saveSeatToken('m1', 2, sha('token-2b'));
      expect(await store.seatForToken('m1', sha('token-2'))).toBe(2);
      expect(await store.seatForToken('m1', sha('token-2b'))).toBe(2);
      expect(await store.seatForToken('m2', sha('token-2b'))).toBeNull();
      // A revoked token no longer holds the seat; the seat's other tokens still do.
      await store.deleteSeatToken('m1', sha('token-2'));
      expect(await store.seatForToken('m1', sha('token-2'))).toBeNull();
      expect(await store.seatForToken('m1', sha('token-2b'))).toBe(2);
    });

    it('keeps everything across a close and reopen', async () => {
      await store.create(newMatch('m1', 'ABCDE'));
      const events = sealEvents('m1', null, facts(4), 10);
      await store.append('m1', 0, events);
      await store.saveSeatToken('m1', 0, sha('t'));
      store = await h.reopen();
      expect(await store.read('m1')).toEqual(events);
      expect((await store.getMatch('m1'))!.version).toBe(4);
      expect(await store.seatForToken('m1', sha('t'))).toBe(0);
    });
  });
}
