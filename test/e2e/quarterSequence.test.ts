import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openMatchPage, SHOTS, useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-sequence-');
const url = (path: string) => `http://127.0.0.1:${live.server.port}${path}`;
const create = async (body: object) =>
  ((await (await fetch(url('/api/matches'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { matchId: string }).matchId;

/** The pipeline's order: a sequence's steps never go back in it. */
const ORDER = ['shock', 'foundry', 'spectrum', 'permits', 'markets', 'valuation', 'loop', 'end'];
const inOrder = (steps: string[]) => steps.every((s, i) => i === 0 || ORDER.indexOf(s) >= ORDER.indexOf(steps[i - 1]!));

const sequenceOf = (page: Page, box: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel)!;
    return { state: el.dataset.sequence ?? '', quarter: Number(el.dataset.sequenceQuarter ?? 0), steps: (el.dataset.sequenceSteps ?? '').split(',').filter(Boolean) };
  }, box);

describe('the quarter played out on the world', () => {
  it('a match plays each resolution step by step in pipeline order; Skip and Esc end it', async () => {
    const matchId = await create({ seats: 4, bots: [{ strategy: 'robotaxi' }, { strategy: 'satellites' }, { strategy: 'robots' }].map((b) => ({ ...b, difficulty: 'normal' })), seed: 'sequence-e2e' });
    const { page, errors } = await openMatchPage(live.browser, url(`/match/${matchId}`));

    // Quarter 1, played out to its end: the Skip button while it plays, steps in order, 6–10 s.
    await page.click('#lock');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequence === 'playing', null, { timeout: 20_000 });
    const started = Date.now();
    expect(await page.isVisible('#sequence-skip')).toBe(true);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(SHOTS, 'sequence-q1.png') });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequence === 'done', null, { timeout: 15_000 });
    const played = Date.now() - started;
    const q1 = await sequenceOf(page, '#game');
    expect(q1.quarter).toBe(1);
    expect(q1.steps).toContain('valuation');
    expect(inOrder(q1.steps)).toBe(true);
    expect(played).toBeGreaterThanOrEqual(5500);
    expect(played).toBeLessThan(20_000);
    expect(await page.isVisible('#sequence-skip')).toBe(false);

    // Quarter 2: the Skip button ends it at once, and the keyboard lands on the orders.
    await page.click('#lock');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequenceQuarter === '2', null, { timeout: 20_000 });
    await page.focus('#sequence-skip');
    await page.keyboard.press('Enter');
    expect((await sequenceOf(page, '#game')).state).toBe('skipped');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('orders');

    // Quarter 3: Esc does the same.
    await page.click('#lock');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequenceQuarter === '3', null, { timeout: 20_000 });
    await page.keyboard.press('Escape');
    expect((await sequenceOf(page, '#game')).state).toBe('skipped');
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('with motion paused, a resolution is one short fade with every step passed', async () => {
    const matchId = await create({ seats: 2, bots: [{ strategy: 'balanced', difficulty: 'normal' }], seed: 'sequence-fade' });
    const page = await live.browser.newPage({ viewport: { width: 844, height: 390 } });
    await page.addInitScript(() => localStorage.setItem('closed-loop.tourDone', '1'));
    await page.goto(url(`/match/${matchId}`));
    await page.waitForSelector('#game canvas', { timeout: 20_000 });
    await page.click('#motion');
    expect(await page.getAttribute('#game', 'data-motion')).toBe('paused');
    await page.click('#lock');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequenceQuarter === '1', null, { timeout: 20_000 });
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequence === 'done', null, { timeout: 4_000 });
    expect((await sequenceOf(page, '#game')).steps).toContain('valuation');
    await page.close();
  }, 60_000);

  it('a replay plays each quarter it reaches, at the replay’s speed, with the pause and the sound switch', async () => {
    const matchId = await create({ seats: 2, bots: [{ strategy: 'robotaxi', difficulty: 'normal' }, { strategy: 'satellites', difficulty: 'normal' }], planningSeconds: 0, quarters: 3, seed: 'sequence-replay' });
    for (let i = 0; i < 200; i++) {
      const { status } = (await (await fetch(url(`/api/matches/${matchId}`))).json()) as { status: string };
      if (status === 'finished') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url(`/replay/${matchId}`));
    await page.waitForSelector('#replay-canvas canvas', { timeout: 20_000 });
    // The replay's canvas has the pause too.
    await page.click('#motion');
    expect(await page.getAttribute('#replay-canvas', 'data-motion')).toBe('paused');
    await page.click('#motion');
    expect(await page.getAttribute('#replay-canvas', 'data-motion')).toBe('running');
    // And the sound button's mute, remembered as in a match.
    const before = await page.isChecked('#mute');
    await page.click('#sound');
    await page.click('#mute');
    expect(await page.isChecked('#mute')).toBe(!before);
    expect(await page.evaluate(() => localStorage.getItem('closed-loop.sound'))).toBe(before ? 'on' : 'off');
    await page.keyboard.press('Escape');
    await page.selectOption('#rp-speed', '4');
    await page.click('#rp-play');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#replay-canvas')?.dataset.sequenceQuarter === '1', null, { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'sequence-replay.png') });
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#replay-canvas')?.dataset.sequenceQuarter ?? 0) >= 2, null, { timeout: 20_000 });
    const seen = await sequenceOf(page, '#replay-canvas');
    expect(inOrder(seen.steps)).toBe(true);
    await page.close();
  }, 60_000);
});
