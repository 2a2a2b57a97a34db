import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/index';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { fold, stateAt, stateHash } from '../../shared/replay/fold';
import type { MatchFile } from '../../shared/replay/matchFile';
import { SHOTS, startBrowserServer, type BrowserServer } from '../support/browserServer';
import { GameClient } from '../support/gameClient';

let setup: BrowserServer;
let server: RunningServer;
let browser: Browser;
/** Where the test writes the export files it uploads. */
let dir: string;
let finishedId: string;
const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
const api = (path: string, init?: RequestInit) => fetch(url(path), init);
const bots = [
  { strategy: 'balanced', difficulty: 'hard' },
  { strategy: 'robotaxi', difficulty: 'hard' },
  { strategy: 'satellites', difficulty: 'normal' },
];

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((r) => setTimeout(r, 25));
}

async function eventsOf(matchId: string): Promise<EventEnvelope[]> {
  const text = await (await api(`/api/matches/${matchId}/events`)).text();
  return text.trim().split('\n').map((line) => JSON.parse(line) as EventEnvelope);
}

beforeAll(async () => {
  setup = await startBrowserServer('e2e-replay-');
  ({ server, browser } = setup);
  dir = mkdtempSync(join(tmpdir(), 'e2e-replay-files-'));
  const res = await api('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 3, bots, planningSeconds: 0, quarters: 10, seed: 'replay-e2e' }) });
  finishedId = ((await res.json()) as { matchId: string }).matchId;
  await until(async () => ((await (await api(`/api/matches/${finishedId}`)).json()) as { status: string }).status === 'finished');
}, 60_000);
afterAll(async () => {
  await setup?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('replay viewer in the browser', () => {
  it('opens a finished match from the lobby, verifies it, plays it to the end: the same final state hash as the server’s', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const serverHash = ((await (await api(`/api/matches/${finishedId}`)).json()) as { stateHash: string }).stateHash;
    await page.goto(url('/'));
    await page.waitForSelector('.replay-link');
    await page.screenshot({ path: join(SHOTS, 'lobby-replay.png'), fullPage: true });
    await page.click('.replay-link');
    await page.waitForURL(`**/replay/${finishedId}`);
    await page.waitForSelector('#replay-verified', { timeout: 20_000 });
    expect(await page.textContent('#final-hash')).toBe(serverHash);
    expect(await page.getAttribute('#hash-match', 'data-equal')).toBe('true');
    expect(await page.textContent('#rp-quarter')).toBe('Q0/10');
    await page.screenshot({ path: join(SHOTS, 'replay-start.png'), fullPage: true });

    const total = (await eventsOf(finishedId)).length;
    await page.selectOption('#rp-speed', '16');
    await page.click('#rp-play');
    await page.waitForFunction((n) => (document.querySelector('#rp-position')?.textContent ?? '').includes(`${n}/${n}`), total, { timeout: 30_000 });
    expect(await page.textContent('#position-hash')).toBe(serverHash);
    expect(await page.getAttribute('#rp-play', 'aria-label')).toBe('Play');
    // A screen reader heard each quarter as it played; the last one names the winner.
    expect(await page.getAttribute('#rp-announce', 'role')).toBe('status');
    expect(await page.textContent('#rp-announce')).toMatch(/^Quarter 10 is over\. .+ wins the race\./);
    await page.screenshot({ path: join(SHOTS, 'replay-end.png'), fullPage: true });
    // The replay's world has the match's tables too: every seat by name, nobody is "you".
    await page.click('#rp-view-table');
    expect(await page.isVisible('#replay-table #twin-race')).toBe(true);
    expect(await page.locator('#replay-table #twin-race tbody tr').count()).toBe(3);
    expect(await page.textContent('#replay-table')).not.toContain('(you)');
    await page.click('#rp-view-lanes');

    // Scrub to quarter 4 (instantly, from its snapshot), then step one event and one quarter.
    const log = await eventsOf(finishedId);
    await page.locator('#rp-scrub').fill('4');
    expect(await page.textContent('#rp-quarter')).toBe('Q4/10');
    expect(await page.textContent('#position-hash')).toBe(stateHash(stateAt(log, 4)));
    await page.click('#rp-next-event');
    expect(await page.textContent('#rp-quarter')).toBe('Q4/10');
    await page.click('#rp-next-quarter');
    expect(await page.textContent('#rp-quarter')).toBe('Q5/10');
    expect(await page.textContent('#position-hash')).toBe(stateHash(stateAt(log, 5)));
    await page.click('#rp-prev-quarter');
    await page.click('#rp-prev-quarter');
    expect(await page.textContent('#rp-quarter')).toBe('Q3/10');
    // The keyboard steps too: Shift+→ a quarter, → an event.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+ArrowRight');
    expect(await page.textContent('#rp-quarter')).toBe('Q4/10');
    expect(await page.textContent('#rp-announce')).toMatch(/^Quarter 4 is over\./);
    await page.keyboard.press('ArrowRight');
    expect(await page.textContent('#rp-position')).toContain(`${log.findIndex((e) => e.type === 'QuarterResolved' && e.data.quarter === 4) + 2}/${total}`);
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    expect(await page.textContent('#rp-quarter')).toBe('Q3/10');

    // Jump to moments: every shock and loop closed of the log is listed.
    const shocks = log.filter((e) => e.type === 'ShockDrawn').length;
    const loops = log.filter((e) => e.type === 'LoopClosed').length;
    expect(await page.locator('#rp-moments optgroup').nth(0).locator('option').count()).toBe(loops);
    expect(await page.locator('#rp-moments optgroup').nth(2).locator('option').count()).toBe(shocks);
    const firstSpectrum = log.find((e) => e.type === 'SpectrumAuctionCleared');
    if (firstSpectrum) {
      const value = await page.locator('#rp-moments optgroup').nth(1).locator('option').first().getAttribute('value');
      await page.selectOption('#rp-moments', value!);
      expect(await page.textContent('#rp-position')).toContain(`${firstSpectrum.seq}/${total} · SpectrumAuctionCleared`);
    }
    await page.locator('#rp-scrub').fill('6');
    // The match screen's world canvas, read-only, follows the position.
    await page.waitForSelector('#replay-canvas canvas', { timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'replay.png'), fullPage: true });
    await page.click('#replay-world .tab[data-view="map"], .replay-world .tab[data-view="map"]');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'replay-city.png'), fullPage: true });
    // A spectator of the replay zooms on a region as a player does, and comes back with Esc.
    await page.selectOption('#zoom-place', 'region-europe');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#replay-canvas')?.dataset.zoom === 'region-europe');
    expect(await page.textContent('#zoom-title')).toBe('Europe');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#replay-canvas')?.dataset.zoom === '');
    expect(await page.locator('#replay-players tbody tr').count()).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('refuses a tampered export file with a message naming the first bad event; the untouched file replays', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const file = (await (await api(`/api/matches/${finishedId}/export?format=json`)).json()) as MatchFile;
    const tampered = structuredClone(file);
    const target = tampered.events.find((e) => e.type === 'FoundryAuctionCleared')!;
    (target.data as { clearingPriceUsd: number }).clearingPriceUsd = 1;
    const tamperedPath = join(dir, 'tampered.json');
    const goodPath = join(dir, 'good.json');
    writeFileSync(tamperedPath, JSON.stringify(tampered));
    writeFileSync(goodPath, JSON.stringify(file));

    // This machine is shared and slow at times: generous waits, no timed assertions.
    page.setDefaultTimeout(60_000);
    await page.goto(url('/replay'));
    await page.waitForSelector('#replay-file', { state: 'attached' });
    await page.setInputFiles('#replay-file', tamperedPath);
    await page.waitForFunction(() => (document.querySelector('#replay-error')?.textContent ?? '') !== '');
    const message = await page.textContent('#replay-error');
    expect(message).toContain('refused');
    expect(message).toContain(`The hash chain breaks at event ${target.seq}`);
    expect(await page.$('#replay-verified')).toBeNull();
    await page.screenshot({ path: join(SHOTS, 'replay-tampered.png'), fullPage: true });

    await page.setInputFiles('#replay-file', goodPath);
    await page.waitForSelector('#replay-verified');
    expect(await page.textContent('#replay-error')).toBe('');
    expect(await page.textContent('#final-hash')).toBe(file.finalStateHash);
    expect(await page.getAttribute('#hash-match', 'data-equal')).toBe('true');
    await page.close();
  }, 150_000);

  it('starts a what-if from quarter 5: the new match begins with the state hash of quarter 5', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(url(`/replay/${finishedId}`));
    await page.waitForSelector('#replay-verified', { timeout: 20_000 });
    await page.locator('#rp-scrub').fill('5');
    expect(await page.textContent('#rp-quarter')).toBe('Q5/10');
    const shownHash = await page.textContent('#position-hash');
    const q5 = stateHash(stateAt(await eventsOf(finishedId), 5));
    expect(shownHash).toBe(q5);
    await page.selectOption('#fork-seat', '1');
    await page.screenshot({ path: join(SHOTS, 'replay-what-if.png'), fullPage: true });
    await page.click('#fork');
    await page.waitForURL(/\/match\//, { timeout: 20_000 });
    const forkId = new URL(page.url()).pathname.split('/').pop()!;
    expect(forkId).not.toBe(finishedId);
    const forkLog = await eventsOf(forkId);
    expect(forkLog[0]!.type).toBe('MatchForked');
    expect(forkLog[0]!.data).toMatchObject({ sourceMatchId: finishedId, quarter: 5, sourceStateHash: q5 });
    expect(stateHash(fold(forkLog.slice(0, 1)))).toBe(q5);
    const summary = (await (await api(`/api/matches/${forkId}`)).json()) as { status: string; quarter: number; openSeats: number };
    expect(summary).toMatchObject({ status: 'live', quarter: 6, openSeats: 0 });
    await context.close();
  }, 60_000);

  it('a spectator context never receives a player’s orders before the quarter resolves', async () => {
    const res = await api('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 2, bots: [bots[0]], planningSeconds: 0, quarters: 6, seed: 'watch-e2e' }) });
    const { matchId } = (await res.json()) as { matchId: string };
    const player = await GameClient.join(server.port, matchId, { name: 'Ada' });
    await player.until(() => player.state.status === 'planning');

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('latin1'))));
    await page.goto(url(`/match/${matchId}?watch`));
    await until(async () => frames.length > 0);
    // A sum nobody else would send: if it reached the spectator, it would be in a frame.
    const orders = { chipRnD: 4321, aiTraining: 1234 };
    expect(await player.command({ type: 'SubmitOrders', data: { seat: 0, quarter: 1, orders } })).toMatchObject({ ok: true });
    expect(await player.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    await player.until(() => player.state.quarter === 2);
    // The spectator's own screen has moved on to quarter 2: the resolution reached it.
    await page.waitForFunction(() => document.querySelector('#quarter')?.textContent?.includes('2/6'), undefined, { timeout: 20_000 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'spectator.png'), fullPage: true });
    // The spectator does get the public state (the player's name), never the orders.
    expect(frames.some((f) => f.includes('Ada'))).toBe(true);
    expect(frames.some((f) => f.includes('chipRnD') || f.includes('4321'))).toBe(false);
    expect(await page.content()).not.toContain('4321');
    await player.leave();
    await context.close();
  }, 60_000);

  it('a spectator of a match with a one-quarter delay sees the quarter before the players’ one, and is told so', async () => {
    const res = await api('/api/matches', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: 2, bots: [bots[1]], planningSeconds: 0, quarters: 6, seed: 'delay-e2e', spectatorDelay: 1 }) });
    const { matchId } = (await res.json()) as { matchId: string };
    const player = await GameClient.join(server.port, matchId, { name: 'Ada' });
    await player.until(() => player.state.status === 'planning');
    for (let q = 1; q <= 2; q++) {
      expect(await player.command({ type: 'LockOrders', data: { seat: 0, quarter: q } })).toMatchObject({ ok: true });
      await player.until(() => player.state.quarter === q + 1);
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(url(`/match/${matchId}?watch`));
    await page.waitForSelector('#spectator-delay', { timeout: 20_000 });
    expect(await page.textContent('#spectator-delay')).toBe('You watch with a delay of 1 quarter(s): this is quarter 2; the players are in quarter 3.');
    expect(await page.textContent('#quarter')).toContain('2/6');
    await page.waitForSelector('#game canvas', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'spectator-delayed.png'), fullPage: true });
    await player.leave();
    await page.close();
  }, 60_000);
});
