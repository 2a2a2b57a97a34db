import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHOTS, useBrowserServer } from '../support/browserServer';
import { GameClient } from '../support/gameClient';

// The chat in a real browser: a line with HTML in it arrives as text (nothing of it runs or
// renders), Enter sends, and the replay shows what was said in the quarter reached.

const live = useBrowserServer('e2e-chat-');
const url = (path: string) => `http://127.0.0.1:${live.server.port}${path}`;
const create = async (body: object) =>
  ((await (await fetch(url('/api/matches'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as { matchId: string }).matchId;

describe('chat in the browser', () => {
  it('shows another player’s HTML as text, sends with Enter, and replays the quarter’s chat', async () => {
    const matchId = await create({ seats: 2, planningSeconds: 0, quarters: 1, seed: 'chat-e2e' });
    const page = await live.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      localStorage.setItem('closed-loop.tourDone', '1');
      localStorage.setItem('closed-loop.name', 'Ada');
    });
    await page.goto(url(`/match/${matchId}`));
    await page.waitForSelector('#chat-input');
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });

    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    expect(await bo.say(hostile)).toMatchObject({ ok: true });
    await page.waitForFunction(() => document.querySelectorAll('#chat-lines .chat-text').length === 1);
    expect(await page.textContent('#chat-lines .chat-text')).toBe(hostile);
    expect(await page.locator('#chat img, #chat script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.textContent('#chat-live')).toContain(hostile);

    await page.fill('#chat-input', 'hello Bo');
    expect(await page.textContent('#chat-count')).toMatch(/^8 of 280/);
    await page.press('#chat-input', 'Enter');
    await bo.until(() => bo.chat.some((l) => l.text === 'hello Bo' && l.name === 'Ada'));
    await page.waitForFunction(() => document.querySelectorAll('#chat-lines .chat-text').length === 2);
    expect(await page.inputValue('#chat-input')).toBe('');
    // A refused line comes back to the box to be shortened, with the server's reason.
    const long = 'x'.repeat(281);
    await page.fill('#chat-input', long);
    await page.press('#chat-input', 'Enter');
    await page.waitForFunction(() => (document.querySelector('#chat-error')?.textContent ?? '') !== '');
    expect(await page.inputValue('#chat-input')).toBe(long);
    await page.fill('#chat-input', '');
    await page.screenshot({ path: join(SHOTS, 'chat-match.png'), fullPage: true });

    // A spectator in another browser reads the players' channel and speaks in theirs, which Ada never sees.
    const watch = await live.browser.newPage({ viewport: { width: 1280, height: 900 } });
    watch.on('pageerror', (e) => errors.push(e.message));
    await watch.addInitScript(() => {
      localStorage.setItem('closed-loop.tourDone', '1');
      localStorage.setItem('closed-loop.name', 'Sam');
    });
    await watch.goto(url(`/match/${matchId}?watch`));
    await watch.waitForFunction(() => document.querySelectorAll('#chat-lines .chat-text').length === 2);
    await watch.fill('#chat-input', 'nice move');
    await watch.press('#chat-input', 'Enter');
    await watch.waitForFunction(() => document.querySelectorAll('#chat-lines .chat-text').length === 3);
    expect(await watch.textContent('#chat-lines .chat-spectators')).toContain('Sam');
    await bo.until(() => bo.chat.length === 2);
    expect(await bo.say('after Sam')).toMatchObject({ ok: true });
    await page.waitForFunction(() => document.querySelectorAll('#chat-lines .chat-text').length === 3);
    expect(await page.locator('#chat-lines .chat-text').allTextContents()).toEqual([hostile, 'hello Bo', 'after Sam']);
    await watch.close();

    // A local mute hides Bo's lines here, and is remembered.
    await page.click('.chat-mute');
    expect(await page.locator('#chat-lines .chat-text').allTextContents()).toEqual(['hello Bo']);
    expect(await page.evaluate((id) => localStorage.getItem(`closed-loop.chatMuted.${id}`), matchId)).toBe('["seat:1"]');
    await page.click('.chat-hidden .chat-mute');
    expect(await page.locator('#chat-lines .chat-text').count()).toBe(3);

    await page.click('#lock');
    expect(await bo.command({ type: 'LockOrders', data: { seat: 1, quarter: 1 } })).toMatchObject({ ok: true });
    await bo.until(() => bo.state.status === 'ended');
    await bo.leave();

    await page.goto(url(`/replay/${matchId}`));
    await page.waitForSelector('#replay-verified', { timeout: 20_000 });
    await page.click('#rp-end');
    await page.waitForSelector('#rp-chat');
    // After the match the spectators' line is everyone's.
    expect(await page.locator('#rp-chat .chat-text').allTextContents()).toEqual([hostile, 'hello Bo', 'nice move', 'after Sam']);
    expect(await page.locator('#rp-chat img, #rp-chat script').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'chat-replay.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
