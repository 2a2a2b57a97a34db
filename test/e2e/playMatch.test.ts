import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonLogger } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';
import { launchChromium } from '../support/browser';

const SHOTS = join(process.cwd(), 'test-artifacts');
let server: RunningServer;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  dir = mkdtempSync(join(tmpdir(), 'e2e-'));
  server = await startServer({ port: 0, dataDir: dir, logLevel: 'error' }, jsonLogger('error', () => undefined));
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('playing in the browser', () => {
  it('creates a match against three bots in the lobby, plays every quarter by locking orders, and sees a winner', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.fill('#name', 'Ada');
    await page.screenshot({ path: join(SHOTS, 'lobby.png'), fullPage: true });
    await page.click('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.waitForSelector('#game canvas', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'match.png'), fullPage: true });
    for (let quarter = 1; quarter <= 20; quarter++) {
      if (await page.$('#winner')) break;
      await page.waitForSelector('#lock:not([disabled])', { timeout: 20_000 });
      await page.click('#lock');
      await page
        .waitForFunction(
          (q) => document.querySelector('#winner') !== null || (document.querySelector('#quarter')?.textContent ?? '').includes(`${q + 1}/`),
          quarter,
          { timeout: 20_000 },
        )
        .catch(async (e: unknown) => {
          await page.screenshot({ path: join(SHOTS, `stuck-q${quarter}.png`), fullPage: true });
          throw new Error(`quarter ${quarter} did not resolve; status: "${await page.textContent('#status')}" (${String(e)})`);
        });
      expect(await page.textContent('#status')).toBe('');
    }
    await page.waitForSelector('#winner', { timeout: 20_000 });
    // The valuation chart (uPlot, loaded on demand) draws one series per player.
    await page.waitForSelector('#valuation-chart canvas', { timeout: 20_000 });
    expect(await page.locator('#valuation-chart .u-legend .u-series').count()).toBe(5);
    await page.screenshot({ path: join(SHOTS, 'results.png'), fullPage: true });
    expect(await page.textContent('#winner')).toMatch(/Winner: (Ada|Bot \d)/);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a reload mid-match returns the player to the same seat', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.fill('#name', 'Bea');
    await page.click('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    const url = page.url();
    await page.click('#lock');
    await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    // The report of quarter 1 is shown, with the player's own lines.
    await page.waitForSelector('#quarter-report table.lines', { timeout: 20_000 });
    expect(await page.textContent('#quarter-report')).toContain('Revenue');
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
    await page.reload();
    await page.waitForSelector('#lock', { timeout: 20_000 });
    expect(page.url()).toBe(url);
    expect(await page.textContent('tr.me')).toContain('Bea');
    expect(await page.textContent('#quarter')).toContain('2/');
    await page.close();
  }, 60_000);

  it('the German interface shows no English labels on the match screen', async () => {
    const context = await browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.selectOption('#lang', 'de');
    await page.fill('#name', 'Carla');
    await page.click('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'match-de.png'), fullPage: true });
    const text = (await page.textContent('main')) ?? '';
    for (const english of ['Orders', 'Lock orders', 'Players', 'Cash', 'Valuation', 'Quarter', 'Apply for permits', 'Back to lobby', 'Committed'])
      expect(text, english).not.toContain(english);
    expect(text).toContain('Aufträge festlegen');
    await context.close();
  }, 60_000);

  it('a phone in landscape (844×390, touch) can set orders and lock', async () => {
    const context = await browser.newContext({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${server.port}/`);
    await page.fill('#name', 'Dev');
    await page.tap('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.locator('input[data-budget="robotaxi"]').fill('500');
    await page.locator('input[data-city="phoenix"]').tap();
    await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
    const box = await page.locator('#lock').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.locator('#lock').tap();
    await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toBe('');
    await context.close();
  }, 60_000);

  it('two browsers join the same match by code; each sees its own seat and orders only', async () => {
    const host = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const friend = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const a = await host.newPage();
    await a.goto(`http://127.0.0.1:${server.port}/`);
    await a.fill('#name', 'Emil');
    await a.fill('#seats', '2');
    await a.fill('#botCount', '0');
    await a.click('#create');
    await a.waitForSelector('header code', { timeout: 20_000 });
    const code = (await a.textContent('header code'))!.trim();
    expect(code).toMatch(/^[A-Z]{5}$/);
    const b = await friend.newPage();
    await b.goto(`http://127.0.0.1:${server.port}/`);
    await b.fill('#name', 'Fay');
    await b.fill('#code', code);
    await b.click('#join');
    await a.waitForSelector('#lock', { timeout: 20_000 });
    await b.waitForSelector('#lock', { timeout: 20_000 });
    expect(await a.textContent('tr.me')).toContain('Emil');
    expect(await b.textContent('tr.me')).toContain('Fay');
    // Emil locks; Fay sees that he has locked, not what he ordered, and her own sheet stays open.
    await a.locator('input[data-budget="robots"]').fill('2500');
    await a.click('#lock');
    await b.waitForFunction(() => [...document.querySelectorAll('#players tr')].some((r) => r.textContent?.includes('Emil') && r.textContent.includes('Locked')), null, { timeout: 20_000 });
    expect(await b.$('#lock')).not.toBeNull();
    expect(await b.textContent('#totals')).not.toContain('$2.5B');
    await b.screenshot({ path: join(SHOTS, 'friend.png'), fullPage: true });
    await host.close();
    await friend.close();
  }, 60_000);
});
