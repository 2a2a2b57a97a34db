import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-motion-');
const url = (path: string) => `http://127.0.0.1:${live.server.port}${path}`;

/** A new match against one bot, tour done: the player launches three rockets, so the orbit has satellites circling. */
async function orbitWithSatellites(context: BrowserContext): Promise<Page> {
  const res = await fetch(url('/api/matches'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seats: 2, bots: [{ strategy: 'balanced', difficulty: 'normal' }], planningSeconds: 0, quarters: 3, seed: 'motion' }),
  });
  const { matchId } = (await res.json()) as { matchId: string };
  await context.addInitScript(() => localStorage.setItem('closed-loop.tourDone', '1'));
  const page = await context.newPage();
  await page.goto(url(`/match/${matchId}`));
  await page.click('[data-mode=advanced]');
  await page.fill('input[data-field="launches"]', '3');
  await page.click('#lock');
  await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
  await page.click('[data-view=orbit]');
  await page.waitForSelector('#game[data-motion] canvas', { timeout: 20_000 });
  // Quarter 1's resolution plays over the world; Esc skips it, so only the orbit moves.
  await page.waitForSelector('#game[data-sequence]', { timeout: 20_000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequence !== 'playing', null, { timeout: 5_000 });
  await page.waitForTimeout(500);
  return page;
}

/** Whether the canvas changes over half a second (nothing else on it changes meanwhile). */
async function moves(page: Page): Promise<boolean> {
  const canvas = page.locator('#game > canvas');
  const before = await canvas.screenshot();
  await page.waitForTimeout(500);
  return !before.equals(await canvas.screenshot());
}

const motion = (page: Page) => page.getAttribute('#game', 'data-motion');
const pauseMotion = (page: Page, paused: boolean) => page.evaluate((p) => (window as unknown as { __closedLoopMotion(paused: boolean): string }).__closedLoopMotion(p), paused);

/** The orbit with satellites, in a browser whose reader does or does not ask for reduced motion. */
async function inOrbit(reducedMotion: 'reduce' | 'no-preference', check: (page: Page) => Promise<void>): Promise<void> {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion });
  await check(await orbitWithSatellites(context));
  await context.close();
}

describe('motion on the world canvas', () => {
  it('satellites circle, and stand still while motion is paused', () =>
    inOrbit('no-preference', async (page) => {
      expect(await motion(page)).toBe('running');
      expect(await moves(page)).toBe(true);
      // The header's pause button stops it (and says so), as the test hook does.
      await page.click('#motion');
      expect(await page.getAttribute('#motion', 'aria-pressed')).toBe('true');
      expect(await motion(page)).toBe('paused');
      expect(await moves(page)).toBe(false);
      await page.click('#motion');
      expect(await motion(page)).toBe('running');
      expect(await pauseMotion(page, true)).toBe('paused');
      expect(await motion(page)).toBe('paused');
      expect(await moves(page)).toBe(false);
      await pauseMotion(page, false);
      expect(await motion(page)).toBe('running');
      expect(await moves(page)).toBe(true);
    }), 60_000);

  it('with prefers-reduced-motion the orbit stands still, and un-pausing does not start it', () =>
    inOrbit('reduce', async (page) => {
      expect(await motion(page)).toBe('reduced');
      expect(await moves(page)).toBe(false);
      expect(await pauseMotion(page, false)).toBe('reduced');
      expect(await moves(page)).toBe(false);
    }), 60_000);
});
