import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeProblems, sidewaysScrollers } from '../support/axe';
import { SHOTS, useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-a11y-');
const url = (path: string) => `http://127.0.0.1:${live.server.port}${path}`;

const SIZES = [
  { width: 1280, height: 720 },
  { width: 844, height: 390 },
];
/** 1280×720 at 200% zoom. */
const ZOOMED = { width: 640, height: 360 };

/** A match with one seat for the browser and one bot, over in two quarters; the timer is long enough never to run out. */
async function newShortMatch(): Promise<string> {
  const res = await fetch(url('/api/matches'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ seats: 2, bots: [{ strategy: 'balanced', difficulty: 'normal' }], planningSeconds: 600, quarters: 2, seed: 'a11y' }),
  });
  return ((await res.json()) as { matchId: string }).matchId;
}

/** Checks the page in its present state at both sizes (and, where asked, for reflow at 200% zoom); collects what fails. */
function auditor(page: Page, locale: string, problems: string[]) {
  return async (screen: string, { reflow = false } = {}): Promise<void> => {
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.waitForTimeout(100);
      for (const p of await axeProblems(page)) problems.push(`${screen} ${locale} ${size.width}×${size.height}: ${p}`);
      await page.screenshot({ path: join(SHOTS, `a11y-${screen}-${locale}-${size.width}.png`), fullPage: true });
    }
    if (reflow) {
      await page.setViewportSize(ZOOMED);
      await page.waitForTimeout(100);
      const wide = await sidewaysScrollers(page);
      if (wide.length) problems.push(`${screen} ${locale} at 200% zoom scrolls sideways: ${wide.join('; ')}`);
      await page.screenshot({ path: join(SHOTS, `a11y-${screen}-${locale}-zoom200.png`), fullPage: true });
    }
  };
}

describe('accessibility (axe-core, WCAG 2.1 A/AA)', () => {
  it('the check itself finds text too faint and text on a gradient', async () => {
    const page = await live.browser.newPage({ viewport: SIZES[0] });
    await page.goto(url('/'));
    await page.waitForSelector('#create');
    expect(await axeProblems(page)).toEqual([]);
    await page.evaluate(() => {
      // The old error red on a panel (4.14:1), and a gradient as the cards had.
      document.querySelector('.new-match')!.insertAdjacentHTML('beforeend', '<p id="faint" style="color:#d55e00">Refused</p><p id="graded" style="background:linear-gradient(#16213a,#1b2845)">Quarter 1</p>');
    });
    const problems = await axeProblems(page);
    expect(problems.some((p) => p.startsWith('violation color-contrast: #faint'))).toBe(true);
    expect(problems.some((p) => p.startsWith('undecided color-contrast: #graded'))).toBe(true);
    await page.close();
  });

  for (const locale of ['en', 'de']) {
    it(`every screen in ${locale}: no violations, every contrast decidable, no sideways scrolling at 200% zoom`, async () => {
      const context = await live.browser.newContext({ viewport: SIZES[0] });
      await context.addInitScript((l) => localStorage.setItem('closed-loop.locale', l), locale);
      const page = await context.newPage();
      const problems: string[] = [];
      const audit = auditor(page, locale, problems);

      await page.goto(url('/'));
      await page.waitForSelector('#create');
      await audit('lobby', { reflow: true });

      const matchId = await newShortMatch();
      await page.goto(url(`/match/${matchId}`));
      await page.waitForSelector('.tour', { timeout: 20_000 });
      await audit('tour');
      await page.click('#tour-skip');
      await page.waitForSelector('#timer', { timeout: 20_000 });
      await audit('match-simple', { reflow: true });
      // The world as text (the view tab "Table").
      await page.click('[data-view=table]');
      await audit('match-table', { reflow: true });
      // The sound button's panel: the volume and the mute.
      await page.click('#sound');
      await audit('sound-panel');
      await page.keyboard.press('Escape');

      // Advanced, with a sheet over the cash: the totals turn red and the server's refusal is shown.
      await page.click('[data-mode=advanced]');
      await page.fill('input[data-field="chipRnD"]', '20000');
      await page.click('#lock');
      await page.waitForFunction(() => (document.querySelector('#status')?.textContent ?? '').length > 0, null, { timeout: 20_000 });
      await audit('match-advanced', { reflow: true });
      await page.fill('input[data-field="chipRnD"]', '');

      await page.click('#lock');
      await page.waitForSelector('#quarter-report table.lines', { timeout: 20_000 });
      await audit('report');

      await page.click('#lock');
      await page.waitForSelector('#winner', { timeout: 20_000 });
      await page.waitForSelector('#loops-chart canvas', { timeout: 20_000 });
      await audit('results', { reflow: true });

      await page.goto(url(`/replay/${matchId}`));
      await page.waitForSelector('#replay-verified', { timeout: 20_000 });
      await page.locator('#rp-scrub').fill('2');
      await page.waitForSelector('#replay-canvas canvas', { timeout: 20_000 });
      await audit('replay', { reflow: true });

      await page.goto(url('/console'));
      await page.waitForSelector('#fc-create-session');
      await audit('console-new', { reflow: true });
      await page.fill('#fc-matches', '1');
      await page.fill('#fc-seats', '2');
      await page.click('#fc-create-session');
      await page.waitForSelector('#fc-code', { timeout: 20_000 });
      await audit('console', { reflow: true });

      await context.close();
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
