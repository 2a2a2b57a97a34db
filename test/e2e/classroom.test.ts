import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHOTS, useBrowserServer } from '../support/browserServer';

const live = useBrowserServer('e2e-classroom-');

/** A student in a browser context of their own: opens the QR code's link, types a name, joins. */
async function student(url: string, name: string): Promise<Page> {
  const context = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.fill('#name', name);
  await page.click('#join');
  await page.waitForSelector('#quarter', { timeout: 20_000 });
  return page;
}

describe('a classroom in the browser', () => {
  it('a facilitator creates a classroom match, two students join by code; pause, a shock and an advance reach the students', async () => {
    const teacher = await live.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    teacher.on('pageerror', (e) => errors.push(e.message));
    await teacher.goto(`http://127.0.0.1:${live.server.port}/`);
    await teacher.fill('#seats', '2');
    await teacher.fill('#botCount', '0');
    await teacher.fill('#timer', '0');
    expect(await teacher.isVisible('#classChat')).toBe(false);
    await teacher.check('#classroom');
    // A class may turn its chat off from the start; this one keeps it.
    expect(await teacher.isChecked('#classChat')).toBe(true);
    await teacher.click('#create');
    // The console: a big join code and a QR code of the join link.
    await teacher.waitForSelector('#fc-code', { timeout: 20_000 });
    expect(teacher.url()).toMatch(/\/console\/m\w+$/);
    const code = (await teacher.textContent('#fc-code'))!.trim();
    expect(code).toMatch(/^[A-Z]{5}$/);
    await teacher.waitForFunction(() => {
      const c = document.querySelector<HTMLCanvasElement>('#fc-qr');
      return c !== null && c.getContext('2d')!.getImageData(0, 0, 1, 1).data[0] === 255;
    });

    const ada = await student(`http://127.0.0.1:${live.server.port}/?join=${code}`, 'Ada');
    const bo = await student(`http://127.0.0.1:${live.server.port}/?join=${code}`, 'Bo');
    await teacher.waitForFunction(() => document.querySelectorAll('#roster .fc-member').length === 2, null, { timeout: 20_000 });
    expect(await teacher.textContent('#roster')).toContain('Ada');
    // A third student finds both seats taken and joins Ada's team; the facilitator moves Cy to Bo's.
    const cy = await student(`http://127.0.0.1:${live.server.port}/?join=${code}`, 'Cy');
    await teacher.waitForFunction(() => (document.querySelector('#roster tr[data-seat="0"]')?.textContent ?? '').includes('Cy'), null, { timeout: 20_000 });
    await teacher.selectOption('#roster [data-member="Cy"] select', '1');
    await teacher.waitForFunction(() => (document.querySelector('#roster tr[data-seat="1"]')?.textContent ?? '').includes('Cy'), null, { timeout: 20_000 });
    await bo.waitForFunction(() => (document.querySelector('#players')?.textContent ?? '').includes('(Bo, Cy)'), null, { timeout: 20_000 });
    await cy.context().close();
    // Before the start a student is told who the match waits for, and sees no books worth $0.
    expect(await ada.textContent('#waiting-note')).toContain('teacher');
    expect(await ada.$('#cash')).toBeNull();
    await ada.screenshot({ path: join(SHOTS, 'student-waiting.png') });

    await teacher.click('#fc-start');
    await ada.waitForSelector('#lock:not([disabled])', { timeout: 20_000 });
    await teacher.waitForSelector('#fc-pause', { state: 'visible' });

    await teacher.click('#fc-pause');
    for (const page of [ada, bo]) await page.waitForFunction(() => document.body.textContent!.includes('Paused by the facilitator'), null, { timeout: 20_000 });
    await teacher.click('#fc-pause');
    for (const page of [ada, bo]) await page.waitForFunction(() => !document.body.textContent!.includes('Paused by the facilitator'), null, { timeout: 20_000 });

    // What the class says reaches the console, which reads it (and writes nothing).
    await ada.fill('#chat-input', 'Who bids on the L band?');
    await ada.press('#chat-input', 'Enter');
    await teacher.waitForFunction(() => (document.querySelector('#chat-lines')?.textContent ?? '').includes('Who bids on the L band?'), null, { timeout: 20_000 });
    expect(await teacher.textContent('#chat-lines')).toContain('Ada');
    expect(await teacher.$('#chat-input')).toBeNull();

    // Spectators of this room lag one quarter behind from now on; the console shows the room's value.
    await teacher.fill('#fc-delay', '1');
    await teacher.click('#fc-set-delay');
    await teacher.waitForFunction(() => (document.querySelector('#fc-delay-now')?.textContent ?? '').includes('1'), null, { timeout: 20_000 });

    await teacher.selectOption('#fc-shock', 'foundry-fire');
    await teacher.click('#fc-inject');
    await ada.click('#lock');
    await teacher.waitForFunction(() => (document.querySelector('#locked-count')?.textContent ?? '').includes('1/2'), null, { timeout: 20_000 });
    await teacher.screenshot({ path: join(SHOTS, 'console.png') });
    await teacher.click('#fc-advance');
    for (const page of [ada, bo]) {
      await page.waitForFunction(() => (document.querySelector('#quarter')?.textContent ?? '').includes('2/'), null, { timeout: 20_000 });
      await page.waitForFunction(() => document.body.textContent!.includes('Fire at a chip foundry'), null, { timeout: 20_000 });
    }
    await teacher.waitForFunction(() => (document.querySelector('#results')?.textContent ?? '').includes('Fire at a chip foundry'), null, { timeout: 20_000 });
    await bo.screenshot({ path: join(SHOTS, 'classroom-student.png') });
    await teacher.screenshot({ path: join(SHOTS, 'console-results.png') });

    // Two more quarters, so the debrief has lines to draw.
    for (const q of [2, 3]) {
      await teacher.waitForSelector('#fc-advance:not([disabled])');
      await teacher.click('#fc-advance');
      await teacher.waitForFunction((next) => (document.querySelector('#fc-quarter')?.textContent ?? '').startsWith(`Q${next}/`), q + 1, { timeout: 20_000 });
    }
    await teacher.click('#fc-tab-debrief');
    await teacher.waitForSelector('#debrief .fc-chart canvas', { timeout: 20_000 });
    await teacher.waitForFunction(() => document.querySelectorAll('#debrief .fc-chart').length >= 3, null, { timeout: 20_000 });
    expect(await teacher.locator('#debrief [data-export]').count()).toBe(2);
    await teacher.screenshot({ path: join(SHOTS, 'debrief.png'), fullPage: true });
    expect(errors).toEqual([]);
    await Promise.all([teacher.close(), ada.context().close(), bo.context().close()]);
  }, 180_000);

  it('a class session runs two matches with one seed from one console, reveals each quarter, and compares them in one debrief', async () => {
    const teacher = await live.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const errors: string[] = [];
    teacher.on('pageerror', (e) => errors.push(e.message));
    await teacher.goto(`http://127.0.0.1:${live.server.port}/console`);
    await teacher.fill('#fc-matches', '2');
    await teacher.fill('#fc-seats', '2');
    await teacher.fill('#fc-quarters', '3');
    await teacher.fill('#fc-seed', 'class-7b');
    await teacher.click('#fc-create-session');
    await teacher.waitForSelector('#fc-tab-1', { timeout: 20_000 });
    const ids = new URL(teacher.url()).pathname.split('/')[2]!.split(',');
    expect(ids).toHaveLength(2);
    // While live the seed is the facilitator's alone: the console's key reads it, the public does not.
    const firstLine = async (id: string, headers: Record<string, string>) => JSON.parse((await (await fetch(`http://127.0.0.1:${live.server.port}/api/matches/${id}/events`, { headers })).text()).split('\n')[0]!);
    for (const id of ids) {
      const key = await teacher.evaluate((matchId) => localStorage.getItem(`closed-loop.facilitator.${matchId}`), id);
      expect((await firstLine(id, { 'x-facilitator-key': key! })).data.seed).toBe('class-7b');
      expect((await firstLine(id, {})).data.seed).toEqual({ redacted: true });
    }
    // Nobody joined: starting fills the seats with bots, and each resolved quarter waits for a reveal.
    for (const tab of ['#fc-tab-0', '#fc-tab-1']) {
      await teacher.click(tab);
      await teacher.click('#fc-start');
      for (let q = 1; q <= 3; q++) {
        await teacher.waitForSelector('#fc-reveal:not([hidden])', { timeout: 20_000 });
        expect(await teacher.textContent('#fc-held')).toContain(`Quarter ${q} is resolved`);
        // The projector shows the held results first, marked as not shown to the students yet.
        await teacher.waitForFunction((quarter) => document.querySelector('#results h2')?.textContent === `Results of quarter ${quarter}: not shown to students yet`, q, { timeout: 20_000 });
        expect(await teacher.locator('#results.held .fc-standings li').count()).toBe(2);
        if (q === 1 && tab === '#fc-tab-0') await teacher.screenshot({ path: join(SHOTS, 'console-held.png') });
        // Released: the same results, no longer marked. With bots only, the next quarter may be
        // resolved and held again at once, so every results panel drawn from here on is recorded.
        await teacher.evaluate(() => {
          const w = window as unknown as { panels: string[]; watcher?: MutationObserver };
          w.watcher?.disconnect();
          w.panels = [];
          w.watcher = new MutationObserver(() => {
            const box = document.querySelector('#results');
            if (box) w.panels.push(`${box.querySelector('h2')?.textContent}|${box.classList.contains('held') ? 'held' : 'released'}`);
          });
          w.watcher.observe(document.body, { childList: true, subtree: true });
        });
        await teacher.click('#fc-reveal');
        await teacher.waitForFunction((quarter) => (window as unknown as { panels: string[] }).panels.includes(`Results of quarter ${quarter}|released`), q, { timeout: 20_000 });
      }
      await teacher.waitForFunction(() => (document.querySelector('#fc-phase')?.textContent ?? '') === 'Match over', null, { timeout: 20_000 });
    }
    await teacher.click('#fc-tab-all');
    await teacher.waitForSelector('#fc-all .fc-mini');
    expect(await teacher.locator('#fc-all .fc-mini').count()).toBe(2);
    await teacher.screenshot({ path: join(SHOTS, 'console-all.png') });
    await teacher.click('#fc-tab-debrief');
    await teacher.waitForFunction(() => document.querySelectorAll('#debrief .fc-debrief-col').length === 2 && document.querySelectorAll('#debrief .fc-chart canvas').length >= 8, null, { timeout: 20_000 });
    await teacher.screenshot({ path: join(SHOTS, 'debrief-session.png'), fullPage: true });
    // On another computer the key is typed in; a wrong one is refused by the server and asked again.
    const key = await teacher.evaluate((id) => localStorage.getItem(`closed-loop.facilitator.${id}`), ids[0]!);
    const other = await live.browser.newContext({ viewport: { width: 1280, height: 800 } });
    const laptop = await other.newPage();
    await laptop.goto(`http://127.0.0.1:${live.server.port}/console/${ids[0]}`);
    await laptop.fill('#fc-key', 'not-the-key');
    await laptop.click('#fc-key-open');
    await laptop.waitForSelector('#fc-key-error', { timeout: 20_000 });
    expect(await laptop.textContent('#fc-key-error')).toContain('INVALID_FACILITATOR_KEY');
    await laptop.fill('#fc-key', key!);
    await laptop.click('#fc-key-open');
    await laptop.waitForSelector('#fc-code', { timeout: 20_000 });
    expect(errors).toEqual([]);
    await Promise.all([teacher.close(), other.close()]);
  }, 180_000);
});
