import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, sidewaysScrollers } from '../support/axe';
import { SHOTS, useBrowserServer } from '../support/browserServer';

// Quick match in Chromium against the real server's queue: Play now waits (the clock counting up),
// bots complete the table after the wait, the player lands in the match and a reload returns
// there; Cancel and Esc leave the queue; a finished ranked match fills the leaderboard and the profile.

const WAIT_SECONDS = 2;
// Two quarters of ten minutes: the player ends the match by locking twice.
const live = useBrowserServer('e2e-quick-', { quickMatch: { waitSeconds: WAIT_SECONDS, planningSeconds: 600, quarters: 2 } });
const url = (path = '/') => `http://127.0.0.1:${live.server.port}${path}`;

async function lobby(viewport = { width: 1280, height: 720 }, locale = 'en'): Promise<{ page: Page; errors: string[] }> {
  const context = await live.browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript((l) => {
    localStorage.setItem('closed-loop.tourDone', '1');
    localStorage.setItem('closed-loop.locale', l);
  }, locale);
  await page.goto(url());
  await page.waitForSelector('#play-now');
  return { page, errors };
}

const seatTokens = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('closed-loop.seat.')));

describe('quick match', () => {
  let matchPage: Page | null = null;

  it('Play now waits in the queue, counting up, and after the wait opens a match with three bots as a player; a reload returns to it', async () => {
    const { page, errors } = await lobby();
    // Play now comes first: before the new-match form in the page's order.
    expect(await page.evaluate(() => document.getElementById('play-now')!.compareDocumentPosition(document.getElementById('create')!) & Node.DOCUMENT_POSITION_FOLLOWING)).toBeTruthy();
    expect(await page.textContent('#play-now-hint')).toBe('4-player ranked match; bots fill empty seats after 30 s.');
    await page.click('#play-now');
    await page.waitForSelector('#queue-status');
    // The keyboard is on Cancel at once; the status is a polite live region.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('queue-cancel');
    expect(await page.getAttribute('#queue-status', 'aria-live')).toBe('polite');
    await page.waitForFunction(() => document.querySelector('#queue-players')?.textContent === '1 of 4 players');
    expect(await page.getAttribute('#queue-status', 'data-queue-clients')).toBe('1');
    expect(await page.textContent('#queue-rating')).toBe('Your rating: 1,000');
    await page.waitForFunction(() => document.querySelector('#queue-elapsed')?.textContent === '0:01');
    await page.screenshot({ path: join(SHOTS, 'quick-match-queue.png') });

    await page.waitForURL(/\/match\/[\w-]+$/, { timeout: 20_000 });
    const matchId = /\/match\/([\w-]+)/.exec(page.url())![1]!;
    await page.waitForSelector('#game > canvas', { timeout: 20_000 });
    await page.waitForSelector('#lock', { timeout: 20_000 });
    expect(await seatTokens(page)).toEqual([`closed-loop.seat.${matchId}`]);
    const bots = () => page.evaluate(() => [...document.querySelectorAll('#app *')].some((el) => /Bot \d/.test(el.textContent ?? '')));
    expect(await bots()).toBe(true);
    // The header says the match is ranked.
    expect(await page.textContent('#ranked-badge')).toMatch(/^Ranked/);

    await page.reload();
    await page.waitForSelector('#lock', { timeout: 20_000 });
    expect(page.url()).toBe(url(`/match/${matchId}`));
    expect(errors).toEqual([]);
    matchPage = page;
  }, 60_000);

  it('Cancel and Esc leave the queue: the lobby comes back with Play now focused, and no match is made; before any ranked match the leaderboard and profile say so', async () => {
    const { page, errors } = await lobby();
    await page.click('#play-now');
    await page.waitForSelector('#queue-cancel:focus');
    await page.click('#queue-cancel');
    await page.waitForSelector('#play-now');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('play-now');
    expect(await page.textContent('#queue-notice')).toBe('You left the queue.');

    await page.keyboard.press('Enter');
    await page.waitForSelector('#queue-cancel:focus');
    await page.waitForFunction(() => document.querySelector('#queue-players')?.textContent === '1 of 4 players');
    expect(await axeProblems(page)).toEqual([]);
    // The hint now says the server's own wait.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#play-now');
    expect(await page.textContent('#play-now-hint')).toBe(`4-player ranked match; bots fill empty seats after ${WAIT_SECONDS} s.`);
    // While waiting, the leaderboard says so and leads back to the queue's panel.
    await page.click('#play-now');
    await page.waitForSelector('#queue-status');
    await page.click('#leaderboard-link');
    await page.waitForSelector('#queue-banner');
    expect(await page.textContent('#queue-banner')).toMatch(/^Finding a match · \d:\d\d · Show the queue$/);
    await page.click('#queue-show');
    await page.waitForSelector('#queue-cancel');
    await page.click('#queue-cancel');
    await page.waitForSelector('#play-now');
    // Longer than the wait: had the queue kept this player, bots would have completed a match by now.
    await page.waitForTimeout((WAIT_SECONDS + 2) * 1000);
    expect(page.url()).toBe(url('/'));
    expect(await seatTokens(page)).toEqual([]);

    // No ranked match has ended yet: the leaderboard says so, and this player's profile has no history.
    await page.click('#leaderboard-link');
    await page.waitForSelector('#leaderboard-empty');
    expect(await page.textContent('#leaderboard-empty')).toBe('No ranked match has been played yet. Press “Play now” to be the first.');
    await page.click('#back-to-lobby');
    await page.click('#profile-link');
    await page.waitForSelector('#profile-no-matches');
    expect(await page.textContent('#profile-position')).toBe('not ranked yet');
    expect(await page.textContent('#profile-rating')).toMatch(/^1,000/);
    expect(await page.$('#rating-chart')).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 30_000);

  it('two players who press Play now together see each other in the queue and meet in one match, bots in the other seats', async () => {
    const two = await Promise.all([lobby(), lobby()]);
    await Promise.all(two.map(({ page }) => page.click('#play-now')));
    await Promise.all(two.map(({ page }) => page.waitForSelector('#queue-status[data-queue-clients="2"]', { timeout: 10_000 })));
    expect(await two[0]!.page.textContent('#queue-players')).toBe('2 of 4 players');
    await Promise.all(two.map(({ page }) => page.waitForSelector('#lock', { timeout: 30_000 })));
    const [first, second] = two.map(({ page }) => page.url());
    expect(first).toMatch(/\/match\/[\w-]+$/);
    expect(second).toBe(first);
    for (const { page, errors } of two) {
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 60_000);

  it('the finished ranked match fills the leaderboard and the profile, with the rating chart and its table, in English and German', async () => {
    const page = matchPage!;
    for (let quarter = 1; quarter <= 2; quarter++) {
      if (await page.$('#winner')) break;
      await page.waitForSelector('#lock:not([disabled])', { timeout: 20_000 });
      await page.click('#lock');
      await page.waitForFunction((q) => document.querySelector('#winner') !== null || (document.querySelector('#quarter')?.textContent ?? '').includes(`${q + 1}/`), quarter, { timeout: 20_000 });
    }
    await page.waitForSelector('#winner', { timeout: 20_000 });
    const token = await page.evaluate(() => localStorage.getItem('colyseus-auth-token'));
    await expect.poll(async () => ((await (await fetch(url('/api/leaderboard'))).json()) as { players: number }).players, { timeout: 15_000 }).toBe(1);
    // The results say how the rating moved (once the server has rated the match), as the leaderboard does.
    const top = ((await (await fetch(url('/api/leaderboard'))).json()) as { top: Array<{ rating: number }> }).top[0]!;
    await page.waitForFunction(() => (document.querySelector('#rating-change')?.textContent ?? '').startsWith('Your rating: 1,000 → '), null, { timeout: 20_000 });
    expect(await page.textContent('#rating-change')).toContain(`→ ${top.rating.toLocaleString('en')} (`);
    expect(await page.$('#rematch')).toBeNull();
    // The chat is closed with the match, and says so.
    expect(await page.textContent('#chat-note')).toBe('The match has ended: the chat is closed. Its lines stay in the replay.');
    expect(await page.isDisabled('#chat-input')).toBe(true);
    // (Once the last quarter has played out on the board: its Skip button sits over the canvas.)
    await page.waitForSelector('#sequence-skip', { state: 'hidden', timeout: 30_000 });
    await page.screenshot({ path: join(SHOTS, 'quick-match-results.png'), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
    // Play again queues at once from the lobby; Cancel leaves it.
    await page.click('#play-again');
    await page.waitForSelector('#queue-cancel:focus', { timeout: 10_000 });
    expect(page.url()).toBe(url('/'));
    await page.click('#queue-cancel');
    await page.waitForSelector('#play-now');

    // From the lobby: Leaderboard, the player's own row marked, then their profile.
    await page.goto(url());
    await page.click('#leaderboard-link');
    await page.waitForSelector('#leaderboard');
    expect(page.url()).toBe(url('/leaderboard'));
    expect(await page.locator('#leaderboard tbody tr').count()).toBe(1);
    expect(await page.getAttribute('#leaderboard tbody tr', 'aria-current')).toBe('true');
    expect(await page.locator('#leaderboard thead th[scope=col]').count()).toBe(5);
    expect(await page.textContent('#leaderboard caption')).toBe('Ranked players, best first (1 in all)');
    await page.screenshot({ path: join(SHOTS, 'leaderboard.png') });
    await page.click('#leaderboard tbody tr a');
    await page.waitForSelector('#profile-matches');
    await page.waitForSelector('#rating-chart canvas');
    const row = await page.locator('#profile-matches tbody tr').textContent();
    expect(row).toMatch(/(1st|2nd|3rd|4th) of 4/);
    expect(row).toMatch(/[+−±]\d+/);
    expect(await page.getAttribute('#profile-matches tbody tr a', 'href')).toMatch(/^\/replay\/[\w-]+$/);
    // The rating before the match, then after it.
    expect(await page.locator('.chart-data table tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(SHOTS, 'profile.png'), fullPage: true });
    expect(await axeProblems(page)).toEqual([]);
    // 1280×720 at 200% zoom: the history table and the chart fit without scrolling sideways.
    await page.setViewportSize({ width: 640, height: 360 });
    await page.waitForTimeout(200);
    expect(await sidewaysScrollers(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'profile-zoom200.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 720 });

    // "Your profile" from the account card is the same page; a reload stays on it.
    await page.goto(url());
    await page.click('#profile-link');
    await page.waitForSelector('#profile-matches');
    expect(page.url()).toBe(url('/profile'));
    await page.reload();
    await page.waitForSelector('#profile-matches');
    expect(token).toBeTruthy();

    // German, on a phone in landscape: the pages fit, and say it in German.
    const phone = await lobby({ width: 844, height: 390 }, 'de');
    expect(await phone.page.textContent('#play-now')).toBe('Jetzt spielen');
    expect(await sidewaysScrollers(phone.page)).toEqual([]);
    await phone.page.click('#leaderboard-link');
    await phone.page.waitForSelector('#leaderboard');
    expect(await phone.page.textContent('h1')).toBe('Rangliste');
    expect(await phone.page.textContent('#leaderboard-you')).toBe('Du hast noch keine gewertete Partie gespielt.');
    expect(await sidewaysScrollers(phone.page)).toEqual([]);
    expect(await axeProblems(phone.page)).toEqual([]);
    await phone.page.click('#leaderboard tbody tr a');
    await phone.page.waitForSelector('#rating-chart canvas');
    expect(await phone.page.textContent('#profile-matches thead')).toContain('Änderung');
    expect(await sidewaysScrollers(phone.page)).toEqual([]);
    await phone.page.goto(url('/profile/nobody'));
    await phone.page.waitForSelector('#profile-error');
    expect(await phone.page.textContent('#profile-error')).toBe('Diesen Spieler gibt es nicht.');
    // The page's own errors only: the browser logs the 404 answer itself.
    expect(phone.errors.filter((e) => !e.includes('404'))).toEqual([]);
    await phone.page.context().close();
    await page.context().close();
  }, 90_000);
});
