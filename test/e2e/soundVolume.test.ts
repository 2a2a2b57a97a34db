import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-sound-');
const url = (path: string) => `http://127.0.0.1:${live.server.port}${path}`;
const create = async (body: object) =>
  ((await (await fetch(url('/api/matches'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { matchId: string }).matchId;

interface SoundState {
  started: boolean;
  context: string | null;
  volume: number;
  muted: boolean;
}
/** Phaser's sound manager as the page's test hook reads it out (its volume is a float32 gain: to two places). */
const sound = async (page: Page): Promise<SoundState> => {
  const s = await page.evaluate(() => (window as unknown as { __closedLoopSound(): SoundState }).__closedLoopSound());
  return { ...s, volume: Math.round(s.volume * 100) / 100 };
};

/** A browser of its own (no tour), whose pages' console errors and warnings are kept. */
async function newContext(): Promise<{ context: BrowserContext; said: string[] }> {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 720 } });
  // Not on the blank page a new tab opens with (it has no storage).
  await context.addInitScript(() => location.origin !== 'null' && localStorage.setItem('closed-loop.tourDone', '1'));
  const said: string[] = [];
  context.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && said.push(`${m.type()}: ${m.text()}`));
  context.on('weberror', (e) => said.push(`pageerror: ${e.error().message}`));
  return { context, said };
}

const soloMatch = () => create({ seats: 2, bots: [{ strategy: 'balanced', difficulty: 'normal' }], planningSeconds: 0, quarters: 3, seed: 'sound' });

describe('the sound: volume and mute', () => {
  it('waits for the first click without a warning (the browser blocks sound until then), then starts in Phaser’s sound manager', async () => {
    const { context, said } = await newContext();
    const page = await context.newPage();
    await page.goto(url(`/match/${await soloMatch()}`));
    // Playwright's own reads of the page count as a click (they run with a user gesture), so the
    // page is read here through the DevTools protocol without one, until the canvas has loaded.
    const cdp = await context.newCDPSession(page);
    const look = async <T>(expression: string): Promise<T> => ((await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value as T);
    for (let i = 0; i < 200 && !(await look<boolean>("!!document.querySelector('#game canvas')")); i++) await page.waitForTimeout(100);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    expect(await look<boolean>('navigator.userActivation.hasBeenActive')).toBe(false);
    expect(said).toEqual([]);
    expect(await look<SoundState>('window.__closedLoopSound()')).toMatchObject({ started: false, context: null });
    await page.click('#sound');
    await page.waitForFunction(() => (window as unknown as { __closedLoopSound(): SoundState }).__closedLoopSound().context === 'running', null, { timeout: 5_000 });
    await expect.poll(() => sound(page), { timeout: 10_000 }).toEqual({ started: true, context: 'running', volume: 1, muted: false });
    expect(said).toEqual([]);
    await context.close();
  }, 60_000);

  it('the volume set with the keyboard and the mute are remembered across a reload, reach Phaser’s sound manager, and hold in a replay', async () => {
    const { context, said } = await newContext();
    const page = await context.newPage();
    await page.goto(url(`/match/${await soloMatch()}`));
    await page.waitForSelector('#game canvas', { timeout: 20_000 });

    // Enter opens the panel at the volume; three steps down; Tab, Space mutes; Esc closes it.
    await page.focus('#sound');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'volume', null, { timeout: 5_000 });
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    expect(await page.inputValue('#volume')).toBe('85');
    expect(await page.getAttribute('#volume', 'aria-valuetext')).toBe('85%');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    expect(await page.isChecked('#mute')).toBe(true);
    await expect.poll(() => sound(page), { timeout: 10_000 }).toEqual({ started: true, context: 'running', volume: 0.85, muted: true });
    await page.keyboard.press('Escape');
    expect(await page.isVisible('#sound-panel')).toBe(false);
    expect(await page.evaluate(() => [localStorage.getItem('closed-loop.volume'), localStorage.getItem('closed-loop.sound')])).toEqual(['85', 'off']);

    // After a reload: the same, given to the sound manager as the canvas starts.
    await page.reload();
    await page.waitForSelector('#game canvas', { timeout: 20_000 });
    expect(await page.getAttribute('#sound', 'aria-label')).toBe('Sound off, volume 85%');
    expect(await page.inputValue('#volume')).toBe('85');
    expect(await page.isChecked('#mute')).toBe(true);
    await expect.poll(() => sound(page), { timeout: 10_000 }).toMatchObject({ volume: 0.85, muted: true });
    await page.click('#sound');
    await page.waitForFunction(() => document.activeElement?.id === 'volume', null, { timeout: 5_000 });
    await expect.poll(() => sound(page), { timeout: 10_000 }).toEqual({ started: true, context: 'running', volume: 0.85, muted: true });
    // Raising the volume turns the sound back on, so the change is heard.
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('#mute')).toBe(false);
    await expect.poll(() => sound(page), { timeout: 10_000 }).toMatchObject({ volume: 0.9, muted: false });
    expect(await page.getAttribute('#sound', 'aria-label')).toBe('Sound on, volume 90%');

    // A replay shares the remembered sound.
    const finished = await create({ seats: 2, bots: [{ strategy: 'robotaxi', difficulty: 'normal' }, { strategy: 'satellites', difficulty: 'normal' }], planningSeconds: 0, quarters: 2, seed: 'sound-replay' });
    for (let i = 0; i < 600; i++) {
      const { status } = (await (await fetch(url(`/api/matches/${finished}`))).json()) as { status: string };
      if (status === 'finished') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await page.goto(url(`/replay/${finished}`));
    await page.waitForSelector('#replay-canvas canvas', { timeout: 20_000 });
    expect(await page.inputValue('#volume')).toBe('90');
    await page.click('#sound');
    await expect.poll(() => sound(page), { timeout: 10_000 }).toMatchObject({ started: true, volume: 0.9, muted: false });
    expect(said).toEqual([]);
    await context.close();
  }, 120_000);
});
