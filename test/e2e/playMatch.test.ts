import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-');

/** Closes the guided tour, which opens on a player's first match in a fresh live.browser. */
async function skipTour(page: Page): Promise<void> {
  await page.waitForSelector('#tour-skip', { timeout: 20_000 });
  await page.click('#tour-skip');
}

/** A player's new match against the lobby's default three bots, tour closed, ready to lock. */
async function newMatchPage(name: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await live.browser.newPage({ viewport });
  await page.goto(`http://127.0.0.1:${live.server.port}/`);
  await page.fill('#name', name);
  await page.click('#create');
  await page.waitForSelector('#lock', { timeout: 20_000 });
  await skipTour(page);
  return page;
}

/** Text on screen that holds a digit but has no tooltip on it or around it (names and inputs aside; words only a screen reader hears are not on screen). */
function numbersWithoutTooltip(): string[] {
  const out: string[] = [];
  const walker = document.createTreeWalker(document.getElementById('app')!, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const el = node.parentElement!;
    if (/\d/.test(node.textContent ?? '') && !el.closest('[data-tip], .name, button, option, .u-legend, .u-axis, .sr-only') && el.offsetParent !== null) out.push(node.textContent!.trim());
  }
  return out;
}

describe('playing in the browser', () => {
  it('creates a match against three bots in the lobby, plays every quarter by locking orders, and sees a winner', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`http://127.0.0.1:${live.server.port}/`);
    await page.fill('#name', 'Ada');
    await page.screenshot({ path: join(SHOTS, 'lobby.png'), fullPage: true });
    await page.click('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.waitForSelector('#game canvas', { timeout: 20_000 });
    // The first match opens with a guided tour of six stops; finishing it is remembered.
    await page.waitForSelector('.tour', { timeout: 20_000 });
    await page.screenshot({ path: join(SHOTS, 'tour.png') });
    // The tour does not eat the first quarter: its clock waits until the tour is done.
    expect(await page.$('#timer')).toBeNull();
    // A modal step: Tab and Shift+Tab go round its two buttons, never behind it.
    for (const key of ['Tab', 'Tab', 'Shift+Tab', 'Tab']) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.closest('.tour') !== null)).toBe(true);
    }
    for (let stop = 1; stop <= 6; stop++) {
      expect(await page.textContent('.tour')).toContain(`${stop}/6`);
      await page.click('#tour-next');
    }
    expect(await page.$('.tour')).toBeNull();
    // The keyboard is not dropped on the page's body: the tour hands the focus to the orders.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('orders');
    expect(await page.evaluate(() => localStorage.getItem('closed-loop.tourDone'))).toBe('1');
    await page.waitForSelector('#timer', { timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'match.png'), fullPage: true });
    expect(await page.evaluate(numbersWithoutTooltip)).toEqual([]);
    // What each loop needs, in words, from the start.
    expect(await page.locator('#loop-checklist li').count()).toBe(3);
    expect(await page.textContent('#loop-checklist [data-line="robotaxi"]')).toMatch(/autonomy 50\/90 ✗ · cities 0\/2 ✗/);
    expect(await page.textContent('#loop-checklist [data-line="robotaxi"]')).toContain('Still needed: autonomy, cities, revenue to cover spending.');
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
    // The last quarter plays out on the canvas, ending with the winner; Esc skips the rest. The end
    // is then shown over the match, and said in the quarter's sentence.
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.sequence === 'playing', null, { timeout: 10_000 });
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#game', 'data-sequence')).toBe('skipped');
    expect(await page.isVisible('#sequence-skip')).toBe(false);
    expect(await page.textContent('#moments')).toMatch(/wins the race\.|You win the race!/);
    await page.waitForFunction(() => /wins the race\.|You win the race!/.test(document.querySelector('#announce')?.textContent ?? ''), null, { timeout: 5_000 });
    expect(await page.isChecked('#mute')).toBe(false);
    // The valuation chart (uPlot, loaded on demand) draws one series per player.
    await page.waitForSelector('#valuation-chart canvas', { timeout: 20_000 });
    expect(await page.locator('#valuation-chart .u-legend .u-series').count()).toBe(5);
    // The player's spending by line (three lines and the shared layer) and loop strength per line.
    await page.waitForSelector('#loops-chart canvas', { timeout: 20_000 });
    expect(await page.locator('#allocation-chart .u-legend .u-series').count()).toBe(5);
    expect(await page.locator('#loops-chart .u-legend .u-series').count()).toBe(4);
    // Every chart has its numbers as a table: a row per quarter, a column per series.
    const csv = await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${page.url().split('/match/')[1]!}/export?format=csv`)).text();
    const quarters = new Set(csv.trim().split('\n').slice(1).map((row) => row.split(',')[0])).size;
    expect(await page.locator('details.chart-data').count()).toBe(3);
    await page.click('details.chart-data >> nth=0 >> summary');
    expect(await page.locator('details.chart-data >> nth=0 >> tbody tr').count()).toBe(quarters);
    expect(await page.locator('details.chart-data >> nth=0 >> thead th').count()).toBe(5);
    expect(await page.textContent('#ranking')).toMatch(/Q\d+|no loop closed/);
    await page.screenshot({ path: join(SHOTS, 'results.png'), fullPage: true });
    expect(await page.textContent('#winner')).toMatch(/Winner: (Ada|Bot \d)/);
    // After the match: its replay, or the same match again (same seats, bots and timer).
    const finishedId = page.url().split('/match/')[1]!;
    expect(await page.getAttribute('#watch-replay', 'href')).toBe(`/replay/${finishedId}`);
    await page.click('#rematch');
    await page.waitForFunction((old) => location.pathname.startsWith('/match/') && !location.pathname.endsWith(old), finishedId, { timeout: 20_000 });
    await page.waitForSelector('#lock', { timeout: 20_000 });
    const again = (await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${page.url().split('/match/')[1]!}`)).json()) as { quarters: number; seats: Array<{ name: string; bot: boolean; strategy?: string }> };
    const before = (await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${finishedId}`)).json()) as typeof again;
    expect(again.quarters).toBe(before.quarters);
    expect(again.seats.map((s) => s.strategy ?? 'human')).toEqual(before.seats.map((s) => s.strategy ?? 'human'));
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a reload mid-match returns the player to the same seat', async () => {
    const page = await newMatchPage('Bea', { width: 1280, height: 800 });
    const url = page.url();
    await page.click('#lock');
    await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    // The report of quarter 1 is shown, with the player's own lines.
    await page.waitForSelector('#quarter-report table.lines', { timeout: 20_000 });
    expect(await page.textContent('#quarter-report')).toContain('Revenue');
    // And said to a screen reader, once, in one sentence (a polite live region).
    await page.waitForFunction(() => (document.querySelector('#announce')?.textContent ?? '').startsWith('Quarter 1 is over. Cash $'), null, { timeout: 20_000 });
    expect(await page.getAttribute('#announce', 'role')).toBe('status');
    expect(await page.textContent('#announce')).toMatch(/Your loops: Robotaxi \d+%, streak \d of 3, Robots/);
    await page.screenshot({ path: join(SHOTS, 'report.png'), fullPage: true });
    expect(await page.evaluate(numbersWithoutTooltip)).toEqual([]);
    await page.reload();
    await page.waitForSelector('#lock', { timeout: 20_000 });
    // The skipped tour does not come back.
    await page.waitForTimeout(1_000);
    expect(await page.$('.tour')).toBeNull();
    expect(page.url()).toBe(url);
    expect(await page.textContent('tr.me')).toContain('Bea');
    expect(await page.textContent('#quarter')).toContain('2/');
    await page.close();
  }, 60_000);

  it('the German interface shows no English labels on the match screen', async () => {
    const context = await live.browser.newContext({ locale: 'de-DE', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${live.server.port}/`);
    await page.selectOption('#lang', 'de');
    // The page's language follows the choice at once (a screen reader switches its voice).
    expect(await page.getAttribute('html', 'lang')).toBe('de');
    await page.fill('#name', 'Carla');
    await page.click('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.waitForSelector('.tour', { timeout: 20_000 });
    expect(await page.textContent('.tour')).toContain('Deine drei Sparten');
    await page.click('#tour-skip');
    await page.screenshot({ path: join(SHOTS, 'match-de.png'), fullPage: true });
    const english = ['Orders', 'Lock orders', 'Players', 'Cash', 'Valuation', 'Quarter', 'Apply for permits', 'Back to lobby', 'Committed', 'Simple', 'Advanced', 'Projected', 'Time left', 'Join code', 'Cities', 'Factory', '(balanced)', '(robots)', 'north-america', 'North America', 'S band', 'L band'];
    const check = async () => {
      const text = (await page.textContent('#app')) ?? '';
      for (const word of english) expect(text, word).not.toContain(word);
    };
    await check();
    expect(await page.textContent('#app')).toContain('Aufträge festlegen');
    // Bots and spectrum licenses are named in German too.
    expect(await page.textContent('#players')).toContain('(ausgewogen)');
    expect(await page.textContent('#orders')).toContain('Nordamerika · S-Band');
    expect(await page.textContent('#orders')).toContain('Europa · L-Band');
    expect(await page.getAttribute('input[data-budget="robots"]', 'aria-valuetext')).toMatch(/Mrd\.\s\$$/);
    await page.click('[data-mode=advanced]');
    await check();
    for (const word of ['Chips to buy', 'Cars to buy', 'Launches', 'Robot price']) expect(await page.textContent('#orders'), word).not.toContain(word);
    expect(await page.getAttribute('#cash', 'data-tip')).toContain('Bargeld');
    expect(await page.title()).toMatch(/^Q4 2025 · [A-Z]{5} · Closed Loop$/);
    expect(await page.textContent('h1')).toMatch(/^Partie [A-Z]{5}$/);
    await context.close();
  }, 60_000);

  it('a keyboard path: skip links first, tooltips without Tab stops, arrow keys on the view tabs, sliders read as money', async () => {
    const page = await newMatchPage('Kim', { width: 1280, height: 720 });
    expect(await page.title()).toMatch(/^Q4 2025 · [A-Z]{5} · Closed Loop$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').count()).toBe(1);
    // No tooltip makes a Tab stop of its own: only controls are in the Tab order.
    expect(await page.locator('[data-tip][tabindex="0"]').count()).toBe(0);
    // The first Tab stop of the page is the skip link to the orders; following it puts the focus
    // there. (A fresh load: the tour has handed the focus to the orders already.)
    await page.reload();
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to the orders');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('orders');
    // From the orders' heading to Lock: the mode switch, then Lock (nothing hidden between).
    let presses = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'lock' && presses < 40) {
      await page.keyboard.press('Tab');
      presses += 1;
    }
    const stops = await page.evaluate(() => [...document.querySelectorAll('#orders button:not([disabled]), #orders input:not([disabled]), #orders summary')].indexOf(document.getElementById('lock')!) + 1);
    console.log(`keyboard path: ${presses} Tab presses from the orders to Lock`);
    expect(presses).toBe(stops);
    expect(presses).toBeLessThanOrEqual(5);
    // Landmarks: the header's figures, the skip links, the match, the standing and report.
    expect(await page.locator('header.hud').evaluate((el) => el.parentElement?.closest('main, section, aside') === null)).toBe(true);
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.getAttribute('aside', 'aria-label')).toBe('Players and report');
    // A slider says its value as money.
    const slider = page.locator('input[data-budget="robotaxi"]');
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    expect(await slider.getAttribute('aria-valuetext')).toBe(await page.textContent('label.lane-robotaxi output > span:first-child'));
    // The view tabs: one Tab stop, arrow keys move and select.
    await page.focus('.view-tabs [aria-selected="true"]');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-view'))).toBe('race');
    expect(await page.getAttribute('[data-view="race"]', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('[data-view="lanes"]', 'tabindex')).toBe('-1');
    // The last tab is the world as tables, in place of the canvas: the player's row by name.
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-view'))).toBe('table');
    expect(await page.isVisible('#world-table')).toBe(true);
    expect(await page.isVisible('#game canvas')).toBe(false);
    expect(await page.locator('#twin-race tbody tr').count()).toBe(4);
    expect(await page.textContent('#twin-race')).toContain('Kim (you)');
    expect(await page.textContent('#twin-lines caption')).toBe('Lines and milestones: Kim (you)');
    await page.keyboard.press('Home');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-view'))).toBe('lanes');
    await page.waitForSelector('#game canvas', { state: 'visible', timeout: 20_000 });
    // `?` lists the shortcuts in a modal dialog; Esc closes it and gives the focus back.
    await page.keyboard.press('?');
    await page.waitForSelector('#shortcuts-dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shortcuts-close');
    expect(await page.locator('#shortcuts-dialog tr').count()).toBe(9);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('shortcuts-close');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#shortcuts-dialog', { state: 'detached', timeout: 5_000 });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-view'))).toBe('lanes');
    // T opens the tables with the focus on them, R goes to the report, O back to the orders.
    await page.keyboard.press('t');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('world-table');
    await page.keyboard.press('r');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report');
    await page.keyboard.press('o');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('orders');
    await page.keyboard.press('v');
    expect(await page.getAttribute('[data-view="lanes"]', 'aria-selected')).toBe('true');
    // Focus stays where the player is: on the mode button just used, and at a new quarter at the
    // top of the new orders (not on the page's body).
    await page.focus('[data-mode="advanced"]');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-mode'))).toBe('advanced');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-mode'))).toBe('simple');
    // L locks: the lock is said politely, and the focus sits on Unlock.
    await page.keyboard.press('l');
    await page.waitForSelector('#unlock', { timeout: 10_000 }).catch(() => undefined);
    await page.waitForFunction(() => (document.querySelector('#announce')?.textContent ?? '').startsWith('Orders locked.') || (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    await page.waitForFunction(() => document.activeElement?.id === 'orders', null, { timeout: 5_000 });
    await page.close();
  }, 60_000);

  it('simple mode commits exactly the sum of the sliders, and a round trip through advanced keeps every number', async () => {
    const page = await newMatchPage('Hal', { width: 1280, height: 720 });
    // Keyboard: Enter on the sound button opens its panel at the volume; Tab, Space mutes; Esc
    // closes the panel and gives the focus back to the button.
    await page.focus('#sound');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'volume', null, { timeout: 5_000 });
    expect(await page.getAttribute('#sound', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#mute')).toBe(true);
    expect(await page.getAttribute('#sound', 'aria-label')).toBe('Sound off, volume 100%');
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#sound-panel')).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('sound');

    const setBudget = (key: string, value: number) =>
      page.evaluate(
        ([k, v]) => {
          const input = document.querySelector(`input[data-budget="${k}"]`) as HTMLInputElement;
          input.value = String(v);
          input.dispatchEvent(new Event('input', { bubbles: true }));
        },
        [key, value] as const,
      );
    const budgets = { chips: 1000, ai: 2000, robotaxi: 1000, robots: 4000, satellites: 500 };
    for (const [key, value] of Object.entries(budgets)) await setBudget(key, value);
    await page.check('input[data-city="phoenix"]');
    expect(await page.textContent('#totals')).toContain('Committed: $8.5B');
    await page.click('[data-mode=advanced]');
    // The sheet the sliders made: the Robots slider builds a plant and a line first.
    expect(await page.inputValue('input[data-field="buildActuatorPlants"]')).toBe('1');
    expect(await page.inputValue('input[data-field="buildRobotLines"]')).toBe('1');
    expect(Number(await page.inputValue('input[data-field="buyCars"]'))).toBeGreaterThan(0);
    expect(await page.textContent('#totals')).toContain('Committed: $8.5B');
    await page.click('[data-mode=simple]');
    for (const [key, value] of Object.entries(budgets)) expect(await page.inputValue(`input[data-budget="${key}"]`), key).toBe(String(value));
    expect(await page.textContent('#totals')).toContain('Committed: $8.5B');
    // An edit in advanced mode comes back as the slider of its line.
    await page.click('[data-mode=advanced]');
    await page.fill('input[data-field="aiTraining"]', '2500');
    await page.click('[data-mode=simple]');
    expect(await page.inputValue('input[data-budget="ai"]')).toBe('2500');
    expect(await page.textContent('#totals')).toContain('Committed: $9.0B');
    await page.close();
  });

  it('the advanced sheet shows every order with live totals and projections, and locks what it shows', async () => {
    const page = await newMatchPage('Gus', { width: 1280, height: 720 });
    // Each view of the world draws in the canvas.
    for (const view of ['race', 'map', 'orbit', 'factory', 'lanes']) {
      await page.click(`[data-view=${view}]`);
      expect(await page.getAttribute(`[data-view=${view}]`, 'aria-selected')).toBe('true');
      await page.waitForTimeout(300);
      await page.locator('#game').screenshot({ path: join(SHOTS, `view-${view}.png`) });
    }
    await page.click('[data-mode=advanced]');
    // Advanced starts from what the sliders would lock: the default AI budget of $800M.
    expect(await page.inputValue('input[data-field="aiTraining"]')).toBe('800');
    expect(await page.locator('input[data-field]').count()).toBe(20);
    await page.fill('input[data-field="aiTraining"]', '2000');
    await page.fill('input[data-field="chipRnD"]', '');
    await page.fill('input[data-field="fsdRnD"]', '0');
    await page.fill('input[data-field="robotRnD"]', '0');
    await page.fill('input[data-field="phonePartnerships"]', '');
    await page.fill('input[data-field="launches"]', '');
    await page.fill('input[data-field="buildRobotLines"]', '');
    await page.fill('input[data-field="buildActuatorPlants"]', '');
    await page.fill('input[data-field="buyCars"]', '');
    await page.fill('input[data-field="foundryBid.chips"]', '');
    await page.fill('input[data-field="foundryBid.maxPriceUsd"]', '');
    expect(await page.textContent('#totals')).toContain('Committed: $2.0B');
    // A = 30 + 70 × (1 − e^(−2000/20000)) = 36.7
    expect(await page.textContent('#totals')).toContain('AI capability 30 → 36.7');
    await page.fill('input[data-field="launches"]', '-2');
    expect(await page.getAttribute('input[data-field="launches"]', 'aria-invalid')).toBe('true');
    // The reason is said beside the field, in words; the sheet keeps its last good value.
    expect(await page.textContent('label:has(input[data-field="launches"]) .field-error')).toBe('Must be 0 or more.');
    expect(await page.textContent('#totals')).toContain('Committed: $2.0B');
    await page.fill('input[data-field="launches"]', '1.5');
    expect(await page.textContent('label:has(input[data-field="launches"]) .field-error')).toBe('Whole numbers only.');
    await page.fill('input[data-field="launches"]', '');
    expect(await page.textContent('label:has(input[data-field="launches"]) .field-error')).toBe('');
    await page.fill('input[data-field="chipRnD"]', '20000');
    expect(await page.getAttribute('#totals', 'class')).toContain('over');
    await page.click('#lock');
    await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').length > 0, null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toContain('cost more than the cash');
    await page.fill('input[data-field="chipRnD"]', '');
    await page.screenshot({ path: join(SHOTS, 'advanced.png') });
    await page.click('#lock');
    // Everyone else is a bot and has locked, so the quarter resolves with the sheet as shown.
    await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toBe('');
    await page.waitForSelector('#quarter-report table.lines', { timeout: 20_000 });
    expect(await page.textContent('#quarter-report')).toContain('AI capability 30 → 36.7');
    // The mode is remembered for the next match screen.
    expect(await page.evaluate(() => localStorage.getItem('closed-loop.ordersMode'))).toBe('advanced');
    await page.close();
  }, 60_000);

  it('a phone in landscape (844×390, touch) can set orders and lock', async () => {
    const context = await live.browser.newContext({ viewport: { width: 844, height: 390 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${live.server.port}/`);
    await page.fill('#name', 'Dev');
    await page.tap('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await page.waitForSelector('#tour-skip', { timeout: 20_000 });
    await page.tap('#tour-skip');
    await page.locator('input[data-budget="robotaxi"]').fill('500');
    // Permits and bids start folded on a phone: the orders panel fits in two screens.
    expect(await page.getAttribute('#permits-section', 'open')).toBeNull();
    expect((await page.locator('#orders').boundingBox())!.height).toBeLessThanOrEqual(2 * 390);
    await page.locator('#permits-section summary').tap();
    await page.locator('input[data-city="phoenix"]').tap();
    await page.screenshot({ path: join(SHOTS, 'phone.png'), fullPage: true });
    // Scrolled to the sliders, the header (quarter, timer, cash) is still at the top and Lock at the bottom.
    await page.locator('input[data-budget="chips"]').scrollIntoViewIfNeeded();
    await page.evaluate(() => document.querySelector('input[data-budget="chips"]')!.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(SHOTS, 'phone-sliders.png') });
    for (const id of ['#quarter', '#cash']) {
      const at = (await page.locator(id).boundingBox())!;
      expect(at.y, id).toBeGreaterThanOrEqual(0);
      expect(at.y + at.height, id).toBeLessThanOrEqual(80);
    }
    const bar = (await page.locator('#lock').boundingBox())!;
    expect(bar.y + bar.height).toBeLessThanOrEqual(390);
    expect(bar.y).toBeGreaterThan(200);
    const box = await page.locator('#lock').boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.locator('#lock').tap();
    await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
    expect(await page.textContent('#status')).toBe('');
    await context.close();
  }, 60_000);

  it('when the timer runs out before Lock, the sheet on screen is the one played', async () => {
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://127.0.0.1:${live.server.port}/`);
    await page.fill('#name', 'Gus');
    await page.fill('#seats', '2');
    await page.fill('#botCount', '1');
    await page.fill('#timer', '6');
    await page.click('#create');
    await page.waitForSelector('#lock', { timeout: 20_000 });
    await skipTour(page);
    await page.locator('input[data-budget="ai"]').fill('3500');
    await page.waitForFunction(() => document.querySelector('.status.saved') !== null, null, { timeout: 10_000 });
    await page.locator('#orders').screenshot({ path: join(SHOTS, 'sheet-saved.png') });
    // Gus never locks: the timer ends the quarter.
    await page.waitForFunction(() => /\b2\//.test(document.querySelector('#quarter .label')?.textContent ?? ''), null, { timeout: 30_000 });
    const matchId = page.url().split('/match/')[1]!;
    const token = await page.evaluate((id) => localStorage.getItem(`closed-loop.seat.${id}`), matchId);
    const log = (await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${matchId}/events`, { headers: { 'x-seat-token': token! } })).text())
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { type: string; data: { seat?: number; quarter?: number; amount?: number; orders?: { aiTraining?: number } } });
    expect(log.some((e) => e.type === 'OrdersLocked' && e.data.seat === 0)).toBe(false);
    expect(log.filter((e) => e.type === 'OrdersSubmitted' && e.data.seat === 0).at(-1)?.data.orders?.aiTraining).toBe(3500);
    expect(log.find((e) => e.type === 'AiTrained' && e.data.seat === 0)?.data.amount).toBe(3500 * 1e6);
    await page.close();
  });

  it('leaving a match asks first, and the match does not play itself out while the player is away', async () => {
    const page = await newMatchPage('Hal', { width: 844, height: 390 });
    const matchId = page.url().split('/match/')[1]!;
    await page.click('#back');
    await page.waitForSelector('dialog.leave-dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('leave-stay');
    // Tab goes round the dialog's two buttons.
    for (const [key, id] of [['Tab', 'leave-go'], ['Tab', 'leave-stay'], ['Shift+Tab', 'leave-go']] as const) {
      await page.keyboard.press(key);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe(id);
    }
    await page.screenshot({ path: join(SHOTS, 'leave-dialog-phone.png') });
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.leave-dialog', { state: 'detached' });
    expect(await page.$('#lock')).not.toBeNull();
    await page.click('#back');
    await page.click('#leave-go');
    await page.waitForSelector('#create', { timeout: 10_000 });
    // Three bots and a seat played for Hal: before, the match ran to its end in seconds.
    await new Promise((r) => setTimeout(r, 2_000));
    const summary = (await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${matchId}`)).json()) as { status: string; quarter: number };
    expect(summary).toMatchObject({ status: 'live', quarter: 1 });
    // The lobby lists the match to return to; one click takes the seat back.
    await page.waitForSelector(`#my-matches [data-return="${matchId}"]`, { timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'lobby-your-matches-phone.png') });
    await page.click(`#my-matches [data-return="${matchId}"]`);
    await page.waitForSelector('#lock', { timeout: 20_000 });
    expect(await page.textContent('tr.me')).toContain('Hal');
    await page.close();
  });

  it('two browsers join the same match by code; each sees its own seat and orders only', async () => {
    const host = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const friend = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const a = await host.newPage();
    await a.goto(`http://127.0.0.1:${live.server.port}/`);
    await a.fill('#name', 'Emil');
    await a.fill('#seats', '2');
    await a.fill('#botCount', '0');
    await a.click('#create');
    await a.waitForSelector('#code .value', { timeout: 20_000 });
    const code = (await a.textContent('#code .value'))!.trim();
    expect(code).toMatch(/^[A-Z]{5}$/);
    // Waiting for a friend is the time for the tour, not the first quarter.
    await a.waitForSelector('.tour', { timeout: 20_000 });
    expect(await a.textContent('#waiting-note')).toContain(code);
    expect(await a.textContent('.tour')).toContain('1/6');
    for (let stop = 1; stop <= 6; stop++) await a.click('#tour-next');
    expect(await a.$('.tour')).toBeNull();
    const b = await friend.newPage();
    await b.goto(`http://127.0.0.1:${live.server.port}/`);
    await b.fill('#name', 'Fay');
    await b.fill('#code', code);
    await b.click('#join');
    await a.waitForSelector('#lock', { timeout: 20_000 });
    await b.waitForSelector('#lock', { timeout: 20_000 });
    await skipTour(b);
    // Emil took the tour while he waited: it does not come back when the match starts.
    expect(await a.$('.tour')).toBeNull();
    expect(await a.textContent('tr.me')).toContain('Emil');
    expect(await b.textContent('tr.me')).toContain('Fay');
    // Emil locks; Fay sees that he has locked, not what he ordered, and her own sheet stays open.
    const fayBefore = await b.textContent('#totals');
    await a.locator('input[data-budget="robots"]').fill('4750');
    const emilSheet = await a.textContent('#totals');
    expect(emilSheet).not.toBe(fayBefore);
    await a.click('#lock');
    await b.waitForFunction(() => [...document.querySelectorAll('#players tr')].some((r) => r.textContent?.includes('Emil') && r.textContent.includes('Locked')), null, { timeout: 20_000 });
    expect(await b.$('#lock')).not.toBeNull();
    expect(await b.textContent('#totals')).toBe(fayBefore);
    await b.screenshot({ path: join(SHOTS, 'friend.png'), fullPage: true });
    await host.close();
    await friend.close();
  }, 60_000);
});
