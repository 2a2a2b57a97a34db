import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openMatchPage, SHOTS, useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-zoom-');
const url = (path: string) => `http://127.0.0.1:${live.server.port}${path}`;
const create = async (body: object) =>
  ((await (await fetch(url('/api/matches'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { matchId: string }).matchId;

/** Clicks the middle of a place the canvas drew (its box, in canvas units, from `data-places`). */
const clickPlace = async (page: Page, id: string) => {
  const places = (await page.getAttribute('#game', 'data-places')) ?? '';
  const entry = places.split(' ').find((p) => p.startsWith(`${id}:`));
  if (!entry) throw new Error(`no place ${id} in ${places}`);
  const [x, y, w, h] = entry.slice(id.length + 1).split(',').map(Number) as [number, number, number, number];
  const box = (await page.locator('#game canvas').boundingBox())!;
  // The canvas's own size is its units (960 wide, 440–600 high).
  const [unitsW, unitsH] = await page.$eval('#game canvas', (c) => [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height]);
  await page.mouse.click(box.x + ((x + w / 2) / unitsW!) * box.width, box.y + ((y + h / 2) / unitsH!) * box.height);
};

describe('the world map and its camera', () => {
  it('zooms on a city by click and on a region by keyboard, shows the details, and comes back with Esc or the button', async () => {
    const matchId = await create({ seats: 4, bots: ['robotaxi', 'satellites', 'robotaxi'].map((strategy) => ({ strategy, difficulty: 'normal' })), seed: 'zoom-e2e' });
    const { page, errors } = await openMatchPage(live.browser, url(`/match/${matchId}`));
    // The first quarter played out on the map: the camera visits each auctioned band's region
    // (four are offered in quarter 1) and comes back to the whole map when the sequence is skipped.
    await page.click('[data-view=map]');
    await page.click('#lock');
    await page.waitForFunction(() => /region-/.test(document.querySelector<HTMLElement>('#game')?.dataset.sequencePlaces ?? ''), null, { timeout: 30_000 });
    await page.waitForTimeout(300);
    await page.locator('#game').screenshot({ path: join(SHOTS, 'world-sequence-region.png') });
    await page.keyboard.press('Escape');
    expect(await page.getAttribute('#game', 'data-sequence')).toBe('skipped');
    expect(await page.getAttribute('#game', 'data-zoom')).toBe('');
    await page.click('[data-view=lanes]');
    // Three more quarters, so that bots hold permits and licenses and cars drive.
    for (const q of [2, 3, 4]) {
      await page.click('#lock');
      await page.waitForFunction((n) => document.querySelector<HTMLElement>('#game')?.dataset.sequenceQuarter === String(n), q, { timeout: 30_000 });
      await page.keyboard.press('Escape');
    }
    // The Lines view has nothing to zoom on: no list of places.
    expect(await page.isVisible('#zoom-place')).toBe(false);
    await page.click('[data-view=map]');
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('#game')?.dataset.places ?? '').includes('city-austin'));
    const options = await page.$$eval('#zoom-place option', (os) => os.map((o) => (o as HTMLOptionElement).value));
    // The whole view, six cities and five regions.
    expect(options).toEqual(['', 'region-north-america', 'region-europe', 'region-latin-america', 'region-africa', 'region-asia-pacific', 'city-austin', 'city-phoenix', 'city-dubai', 'city-san-francisco', 'city-berlin', 'city-shanghai']);
    await page.waitForTimeout(400);
    await page.locator('#game').screenshot({ path: join(SHOTS, 'world-map.png') });

    // A city someone drives in (the list zooms too: each city's card says its permits).
    const cityDetails = async (id: string) => {
      await page.selectOption('#zoom-place', id);
      await page.waitForFunction((want) => document.querySelector<HTMLElement>('#game')?.dataset.zoom === want, id);
      return page.$$eval('#zoom-card li', (ls) => ls.map((l) => l.textContent ?? ''));
    };
    let held = '';
    for (const id of options.filter((o) => o.startsWith('city-'))) if (/^Permits: [12]\/2/.test((await cityDetails(id))[0] ?? '')) held ||= id;
    expect(held).not.toBe('');
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === '');

    // A click on it zooms on it; its card names the city, its permits and its fleets.
    await page.waitForTimeout(600);
    await clickPlace(page, held);
    await page.waitForFunction((want) => document.querySelector<HTMLElement>('#game')?.dataset.zoom === want, held);
    expect(await page.textContent('#zoom-title')).toBe(await page.textContent(`#zoom-place option[value="${held}"]`));
    const details = await page.$$eval('#zoom-card li', (ls) => ls.map((l) => l.textContent ?? ''));
    expect(details[0]).toMatch(/^Permits: [12]\/2 · Bot/);
    expect(details.some((d) => /^Bot \d \(\w+\): [\d,]+ cars/.test(d))).toBe(true);
    expect(await page.inputValue('#zoom-place')).toBe(held);
    await page.waitForTimeout(600);
    await page.locator('#game').screenshot({ path: join(SHOTS, 'world-zoom-city.png') });
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === '');
    expect(await page.isVisible('#zoom-card')).toBe(false);

    // By keyboard: the list of places, then the button back; the focus returns to the list.
    await page.focus('#zoom-place');
    await page.selectOption('#zoom-place', 'region-asia-pacific');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === 'region-asia-pacific');
    expect(await page.textContent('#zoom-title')).toBe('Asia-Pacific');
    expect((await page.$$eval('#zoom-card li', (ls) => ls.map((l) => l.textContent ?? ''))).slice(0, 2)).toEqual([expect.stringMatching(/^S band: /), expect.stringMatching(/^L band: /)]);
    await page.focus('#zoom-back');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === '');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('zoom-place');

    // The factories offer each company's strip and the foundry.
    await page.click('[data-view=factory]');
    await page.waitForFunction(() => (document.querySelector<HTMLElement>('#game')?.dataset.places ?? '').includes('strip-3'));
    await page.selectOption('#zoom-place', 'foundry');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === 'foundry');
    await page.waitForTimeout(600);
    await page.locator('#game').screenshot({ path: join(SHOTS, 'world-zoom-foundry.png') });
    await page.selectOption('#zoom-place', 'strip-1');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === 'strip-1');
    expect(await page.textContent('#zoom-title')).toContain('Bot 1');
    await page.keyboard.press('Escape');
    await page.click('[data-view=map]');

    // Another view leaves the zoom: the Race view offers no places.
    await page.waitForTimeout(600);
    await clickPlace(page, 'city-berlin');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === 'city-berlin');
    await page.click('[data-view=race]');
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#game')?.dataset.zoom === '');
    expect(await page.isVisible('#zoom-place')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
