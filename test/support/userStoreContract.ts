import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type UserStore, UserStoreError } from '../../server/store/UserStore';

export interface UserStoreHarness {
  users: UserStore;
  /** Closes the store and opens it again on the same data. */
  reopen(): Promise<UserStore>;
  cleanup(): Promise<void>;
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'OK', (e: unknown) => (e instanceof UserStoreError ? e.code : String(e)));

/** The contract every UserStore implementation passes, against a real database. */
export function describeUserStoreContract(name: string, open: () => Promise<UserStoreHarness>): void {
  describe(`UserStore contract: ${name}`, () => {
    let h: UserStoreHarness;
    beforeEach(async () => {
      h = await open();
    });
    afterEach(async () => {
      await h.cleanup();
    });

    it('saving an anonymous account keeps its id; the email then finds it with its hash, after a reopen too', async () => {
      const ada = await h.users.createAnonymous({ id: 'u1', name: 'Ada', createdAt: 10 });
      expect(ada).toEqual({ id: 'u1', email: null, name: 'Ada', anonymous: true, createdAt: 10 });
      expect(await h.users.findByEmail('ada@example.org')).toBeNull();
      const saved = await h.users.saveAnonymous('u1', 'ada@example.org', 'scrypt$s$h');
      expect(saved).toEqual({ id: 'u1', email: 'ada@example.org', name: 'Ada', anonymous: false, createdAt: 10 });
      const users = await h.reopen();
      expect(await users.findByEmail('ada@example.org')).toEqual({ ...saved, passwordHash: 'scrypt$s$h' });
      expect(await users.findById('u1')).toEqual(saved);
      expect(await users.findById('nobody')).toBeNull();
    });

    it('one account per email; only an anonymous account can be saved', async () => {
      await h.users.createWithEmail({ id: 'u1', name: 'Ada', email: 'ada@example.org', passwordHash: 'x', createdAt: 1 });
      await h.users.createAnonymous({ id: 'u2', name: 'Bo', createdAt: 2 });
      expect(await codeOf(h.users.createWithEmail({ id: 'u3', name: 'Cy', email: 'ada@example.org', passwordHash: 'y', createdAt: 3 }))).toBe('EMAIL_TAKEN');
      expect(await codeOf(h.users.saveAnonymous('u2', 'ada@example.org', 'y'))).toBe('EMAIL_TAKEN');
      expect(await codeOf(h.users.saveAnonymous('u1', 'other@example.org', 'y'))).toBe('USER_NOT_FOUND');
      expect(await codeOf(h.users.saveAnonymous('u9', 'other@example.org', 'y'))).toBe('USER_NOT_FOUND');
      expect((await h.users.findById('u2'))!.anonymous).toBe(true);
    });

    it('a seat is held by the first user bound to it; a user lists their seats newest first', async () => {
      await h.users.createAnonymous({ id: 'a', name: 'A', createdAt: 1 });
      await h.users.createAnonymous({ id: 'b', name: 'B', createdAt: 1 });
      expect(await h.users.seatHolder('m1', 0)).toBeNull();
      expect(await h.users.bindSeat('m1', 0, 'a', 5)).toBe('a');
      expect(await h.users.bindSeat('m1', 0, 'b', 6)).toBe('a');
      expect(await h.users.bindSeat('m1', 0, 'a', 7)).toBe('a');
      expect(await h.users.bindSeat('m2', 3, 'a', 9)).toBe('a');
      expect(await h.users.bindSeat('m1', 1, 'b', 6)).toBe('b');
      expect(await h.users.seatsOf('a', 10)).toEqual([
        { matchId: 'm2', seat: 3, at: 9 },
        { matchId: 'm1', seat: 0, at: 5 },
      ]);
      expect(await h.users.seatsOf('a', 1)).toHaveLength(1);
      expect(await h.users.seatsOf('nobody', 10)).toEqual([]);
    });

    it('keeps the first secret made under a name', async () => {
      expect(await h.users.secret('jwt', () => 'first')).toBe('first');
      expect(await h.users.secret('jwt', () => 'second')).toBe('first');
      expect(await (await h.reopen()).secret('jwt', () => 'third')).toBe('first');
    });
  });
}
