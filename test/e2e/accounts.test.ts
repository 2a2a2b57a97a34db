import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browserServer';

// The lobby's account card in Chromium: a guest account at once, saved with an email and a
// password, its token sent with the join of a match, and the same account signed in elsewhere.

const live = useBrowserServer('e2e-accounts-');
const url = () => `http://127.0.0.1:${live.server.port}`;

describe('accounts in the lobby', () => {
  it('plays as a guest at once, saves the account, and signs in to it in another browser (a wrong password is announced)', async () => {
    const first = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await first.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url());
    await page.waitForFunction(() => document.querySelector('#account-status')?.textContent?.includes('guest account'));
    // The lobby's name field shows the new account's name.
    const name = await page.inputValue('#name');
    expect(name).toMatch(/^Player \d{4}$/);
    expect(await page.textContent('#account-status')).toContain(name);
    const token = () => page.evaluate(() => localStorage.getItem('colyseus-auth-token'));
    const guestToken = await token();
    expect(guestToken).toBeTruthy();
    const me = async (bearer: string) => (await (await fetch(`${url()}/api/account/matches`, { headers: { authorization: `Bearer ${bearer}` } })).json()) as { user: { id: string; anonymous: boolean }; matches: Array<{ matchId: string }> };
    const guest = await me(guestToken!);
    expect(guest.user.anonymous).toBe(true);

    // A match joined from the lobby carries the account's token: the seat is the account's.
    await page.fill('#botCount', '0');
    await page.fill('#seats', '2');
    await page.click('#create');
    await page.waitForURL(/\/match\//);
    const matchId = /\/match\/([\w-]+)/.exec(page.url())![1]!;
    await expect.poll(async () => (await me(guestToken!)).matches.map((m) => m.matchId), { timeout: 15_000 }).toEqual([matchId]);

    await page.goto(url());
    await page.click('details:has(#account-save) summary');
    await page.fill('#account-save-email', 'ada@example.org');
    await page.fill('#account-save-password', 'correct horse');
    await page.click('#account-save button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#account-status')?.textContent?.includes('Account saved'));
    expect((await me((await token())!)).user).toEqual(expect.objectContaining({ id: guest.user.id, anonymous: false }));

    const second = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const other = await second.newPage();
    await other.goto(url());
    await other.waitForFunction(() => document.querySelector('#account-status')?.textContent?.includes('guest account'));
    await other.click('details:has(#account-signin) summary');
    await other.fill('#account-signin-email', 'ada@example.org');
    await other.fill('#account-signin-password', 'wrong horse');
    await other.click('#account-signin button[type=submit]');
    await expect.poll(() => other.textContent('#account-signin-error')).toBe('Wrong email or password.');
    expect(await other.getAttribute('#account-signin-error', 'role')).toBe('alert');
    await other.fill('#account-signin-password', 'correct horse');
    await other.click('#account-signin button[type=submit]');
    await other.waitForFunction(() => document.querySelector('#account-status')?.textContent?.includes('(ada@example.org)'));
    expect(await other.textContent('#account-status')).toContain(`Signed in as ${name} (ada@example.org)`);
    const signedIn = await other.evaluate(() => localStorage.getItem('colyseus-auth-token'));
    expect((await me(signedIn!)).user.id).toBe(guest.user.id);
    // A guest has nothing to sign out of; a saved account does, and a new guest takes its place.
    expect(await page.$('#account-signout')).not.toBeNull();
    await other.click('#account-signout');
    await other.waitForFunction(() => document.querySelector('#account-status')?.textContent?.startsWith('Signed out'));
    const after = await other.evaluate(() => localStorage.getItem('colyseus-auth-token'));
    expect(after).not.toBe(signedIn);
    expect((await me(after!)).user).toEqual(expect.objectContaining({ anonymous: true }));
    expect((await me(after!)).user.id).not.toBe(guest.user.id);
    expect(await other.$('#account-signout')).toBeNull();
    expect(errors).toEqual([]);
    await first.close();
    await second.close();
  }, 60_000);

  it('a stale token (signed with another secret) does not keep a player out of a match: the join goes on without it, the lobby then makes a new guest', async () => {
    const res = await fetch(`${url()}/api/matches`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 2, bots: [], planningSeconds: 600 }) });
    const { matchId } = (await res.json()) as { matchId: string };
    const context = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) localStorage.setItem('colyseus-auth-token', 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InN0YWxlIn0.c3RhbGU');
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('closed-loop.tourDone', '1');
      localStorage.setItem('closed-loop.name', 'Gil');
    });
    await page.goto(`${url()}/match/${matchId}`);
    await page.waitForSelector('#game canvas', { timeout: 20_000 });
    expect(await page.evaluate(() => localStorage.getItem('colyseus-auth-token'))).toBeNull();
    await page.goto(url());
    await page.waitForFunction(() => document.querySelector('#account-status')?.textContent?.includes('guest account'));
    expect(await page.evaluate(() => localStorage.getItem('colyseus-auth-token'))).toBeTruthy();
    await context.close();
  }, 60_000);
});
