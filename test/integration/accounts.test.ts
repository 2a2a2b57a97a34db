import { describe, expect, it } from 'vitest';
import { accountClient } from '../support/accountFlow';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

// Accounts through @colyseus/auth with real SDK clients: anonymous at once, saved later under the
// same id (so its seats stay its own), signed in elsewhere; a seat taken with an account is that
// account's; joins without an account work as before.

const live = useTestServer('accounts-');
const base = () => `http://127.0.0.1:${live.server.port}`;
const json = { 'content-type': 'application/json' };

/** A browser of its own: an SDK client with no account yet. */
const browser = () => accountClient(live.server.port);

async function newMatch(body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${base()}/api/matches`, { method: 'POST', headers: json, body: JSON.stringify({ planningSeconds: 600, ...body }) });
  return ((await res.json()) as { matchId: string }).matchId;
}

async function myMatches(token: string) {
  const res = await fetch(`${base()}/api/account/matches`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { user: { id: string; anonymous: boolean }; matches: Array<{ matchId: string; seat: number }> } };
}

const login = (email: string, password: string) => fetch(`${base()}/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });

describe('accounts', () => {
  it('an anonymous account plays at once; saving it keeps its id and its seats; its email signs in to the same account elsewhere', async () => {
    const first = browser();
    const anon = await first.auth.signInAnonymously({ name: 'Ada' });
    expect(anon.user).toMatchObject({ name: 'Ada', anonymous: true, email: null });
    expect((await first.auth.getUserData()).user).toMatchObject({ id: anon.user.id, anonymous: true });

    const matchId = await newMatch({ seats: 2, bots: [{ strategy: 'robots', difficulty: 'normal' }], seed: 'accounts-history' });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' }, anon.token);
    expect(ada.seat).toBe(0);
    await ada.until(() => ada.state.status === 'planning');
    expect(await ada.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders: { aiTraining: 10 } } })).toMatchObject({ ok: true });
    const seatToken = ada.token!;
    await ada.leave();

    const saved = await first.auth.registerWithEmailAndPassword('Ada@Example.org', 'correct horse');
    expect(saved.user).toMatchObject({ id: anon.user.id, email: 'ada@example.org', anonymous: false, name: 'Ada' });
    // History: the match played before the account was saved still lists it on its seat.
    expect((await myMatches(saved.token)).body).toMatchObject({ user: { id: anon.user.id, anonymous: false }, matches: [{ matchId, seat: 0 }] });

    const second = browser();
    const signedIn = await second.auth.signInWithEmailAndPassword('ada@example.org', 'correct horse');
    expect(signedIn.user.id).toBe(anon.user.id);
    // The same account on another browser plays its seat again.
    const back = await GameClient.join(live.server.port, matchId, { token: seatToken }, signedIn.token);
    expect(back.seat).toBe(0);
    await back.leave();
  });

  it('a wrong password, an unknown email and a taken email are refused with clear codes', async () => {
    const sdk = browser();
    await sdk.auth.signInAnonymously();
    await sdk.auth.registerWithEmailAndPassword('bo@example.org', 'right password');
    const wrong = await login('bo@example.org', 'wrong password');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    expect(await (await login('nobody@example.org', 'whatever')).json()).toMatchObject({ error: 'invalid_credentials' });
    await expect(browser().auth.signInWithEmailAndPassword('bo@example.org', 'wrong password')).rejects.toThrow(/invalid_credentials/);
    const other = browser();
    await other.auth.signInAnonymously();
    await expect(other.auth.registerWithEmailAndPassword('BO@example.org', 'another one')).rejects.toThrow(/email_already_in_use/);
    expect((await other.auth.getUserData()).user.anonymous).toBe(true);
  });

  it("a token from one account cannot take another's seat, nor can the seat token alone; joins without an account work as before", async () => {
    const a = await browser().auth.signInAnonymously({ name: 'Cy' });
    const b = await browser().auth.signInAnonymously({ name: 'Di' });
    const matchId = await newMatch({ seats: 3, bots: [], seed: 'accounts-seats' });
    const cy = await GameClient.join(live.server.port, matchId, { name: 'Cy' }, a.token);
    const seatToken = cy.token!;
    await cy.leave();
    await expect(GameClient.join(live.server.port, matchId, { token: seatToken }, b.token)).rejects.toThrow(/SEAT_OF_ANOTHER_USER/);
    await expect(GameClient.join(live.server.port, matchId, { token: seatToken })).rejects.toThrow(/SIGN_IN_REQUIRED/);
    await expect(GameClient.join(live.server.port, matchId, { token: seatToken }, 'not-a-jwt')).rejects.toThrow(/onAuth failed/);
    // A student without an account: a seat by name, then back with its seat token.
    const guest = await GameClient.join(live.server.port, matchId, { name: 'Ed' });
    expect(guest.seat).toBe(1);
    const guestToken = guest.token!;
    await guest.leave();
    const guestBack = await GameClient.join(live.server.port, matchId, { token: guestToken });
    expect(guestBack.seat).toBe(1);
    await guestBack.leave();
    const cyBack = await GameClient.join(live.server.port, matchId, { token: seatToken }, a.token);
    expect(cyBack.seat).toBe(0);
    await cyBack.leave();
    // Spectators with an account watch as before.
    const watcher = await GameClient.join(live.server.port, matchId, { spectate: true }, b.token);
    expect(watcher.role).toBe('spectator');
    await watcher.leave();
    const sdk = browser();
    sdk.auth.token = b.token;
    const watchRoom = await sdk.joinOrCreate('watch', { matchId });
    await watchRoom.leave(true);
    expect((await myMatches(b.token)).body.matches).toEqual([]);
    expect((await fetch(`${base()}/api/account/matches`)).status).toBe(401);
  });
});
