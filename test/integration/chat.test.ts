import { Client, type Room } from '@colyseus/sdk';
import { describe, expect, it } from 'vitest';
import type { ChatLine } from '../../shared/wire/messages';
import type { EventEnvelope } from '../../shared/replay/envelope';
import { checkMatchFile } from '../../shared/replay/matchFile';
import { GameClient } from '../support/gameClient';
import { useTestServer } from '../support/testServer';

// Chat through the real server and real SDK clients: who hears what, the room's rate limit, the
// facilitator's mute, a class without chat, and the lines in the log once the match is over.

const live = useTestServer('chat-');
const api = (path: string, init?: RequestInit) => fetch(`http://127.0.0.1:${live.server.port}${path}`, init);
const postJson = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const ndjson = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as EventEnvelope);
const chatOf = (events: readonly EventEnvelope[]) => events.filter((e) => e.type === 'ChatSaid').map((e) => e.data);

async function newMatch(body: Record<string, unknown>) {
  const res = await postJson('/api/matches', { seats: 2, planningSeconds: 0, quarters: 1, ...body });
  expect(res.status).toBe(201);
  return (await res.json()) as { matchId: string; joinCode: string; facilitatorKey?: string };
}

describe('chat in a match', () => {
  it('players hear each other, spectators hear both channels, players never the spectators’ while live; all of it is in the export after', async () => {
    const { matchId } = await newMatch({ seed: 'chat-friends' });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    const sam = await GameClient.join(live.server.port, matchId, { spectate: true, name: 'Sam' });

    const script = '<script>alert("x")</script> & <b>bold</b>';
    expect(await ada.say(`  ${script}  `)).toMatchObject({ ok: true });
    await bo.until(() => bo.chat.length === 1);
    await sam.until(() => sam.chat.length === 1);
    for (const c of [ada, bo, sam]) expect(c.chat[0]).toMatchObject({ channel: 'players', seat: 0, name: 'Ada', text: script });

    expect(await sam.say('they are both slow')).toMatchObject({ ok: true });
    await sam.until(() => sam.chat.length === 2);
    expect(sam.chat[1]).toMatchObject({ channel: 'spectators', seat: null, name: 'Sam', text: 'they are both slow' });
    // A later line reaches the players after the spectator's would have: they never got it.
    expect(await bo.say('hi Ada')).toMatchObject({ ok: true });
    await ada.until(() => ada.chat.length === 2);
    await sam.until(() => sam.chat.length === 3);
    expect(ada.chat.map((l) => l.text)).toEqual([script, 'hi Ada']);
    expect(bo.chat.map((l) => l.text)).toEqual([script, 'hi Ada']);
    // Nor through the API: a seat's log leaves it out, the public's has it.
    const seatLog = ndjson(await (await api(`/api/matches/${matchId}/events`, { headers: { 'x-seat-token': ada.token! } })).text());
    expect(chatOf(seatLog).map((d) => d.text)).toEqual([script, 'hi Ada']);
    const publicLog = ndjson(await (await api(`/api/matches/${matchId}/events`)).text());
    expect(chatOf(publicLog).map((d) => d.text)).toEqual([script, 'they are both slow', 'hi Ada']);

    // Too long, empty, malformed: refused with a code, nothing said.
    expect(await ada.say('x'.repeat(281))).toMatchObject({ ok: false, code: 'CHAT_TOO_LONG' });
    expect(await ada.say('   ')).toMatchObject({ ok: false, code: 'CHAT_EMPTY' });
    expect(await ada.say('x'.repeat(5000))).toMatchObject({ ok: false, code: 'MALFORMED_COMMAND' });
    // A joiner gets what they may read of the chat so far.
    const late = await GameClient.join(live.server.port, matchId, { spectate: true });
    await late.until(() => late.chat.length === 3);

    // Ends the match: every line is now everyone's, and the export replays to its hash.
    expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: 1 } })).toMatchObject({ ok: true });
    expect(await bo.command({ type: 'LockOrders', data: { seat: 1, quarter: 1 } })).toMatchObject({ ok: true });
    await ada.until(() => ada.state.status === 'ended');
    const file = await (await api(`/api/matches/${matchId}/export?format=json`, { headers: { 'x-seat-token': ada.token! } })).json();
    expect(chatOf(file.events).map((d: { text: string }) => d.text)).toEqual([script, 'they are both slow', 'hi Ada']);
    expect(checkMatchFile(file)).toMatchObject({ ok: true });
    await Promise.all([ada.leave(), bo.leave(), sam.leave(), late.leave()]);
  });

  it('limits each speaker to 5 lines in 10 seconds', async () => {
    const { matchId } = await newMatch({ seed: 'chat-rate' });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    for (let i = 0; i < 5; i++) expect(await ada.say(`line ${i}`)).toMatchObject({ ok: true });
    expect(await ada.say('one too many')).toMatchObject({ ok: false, code: 'CHAT_RATE_LIMITED' });
    await ada.until(() => ada.chat.length === 5);
    expect(ada.chat.map((l) => l.text)).not.toContain('one too many');
    await ada.leave();
  });

  it('the facilitator mutes a seat, then the whole class; a class may have no chat at all', async () => {
    const { matchId, facilitatorKey } = await newMatch({ seed: 'chat-class', classroom: true });
    const teacher = await GameClient.join(live.server.port, matchId, { facilitatorKey });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    expect(await teacher.command({ type: 'MuteChat', data: { seat: 1 } })).toMatchObject({ ok: true });
    await bo.until(() => bo.state.chatMutedSeats.toArray().includes(1));
    expect(await bo.say('let me talk')).toMatchObject({ ok: false, code: 'CHAT_MUTED' });
    expect(await ada.say('I can')).toMatchObject({ ok: true });
    expect(await ada.command({ type: 'MuteChat', data: {} })).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
    expect(await teacher.command({ type: 'MuteChat', data: {} })).toMatchObject({ ok: true });
    expect(await ada.say('and now?')).toMatchObject({ ok: false, code: 'CHAT_MUTED' });
    await ada.until(() => ada.state.chatMutedAll);
    expect(await teacher.command({ type: 'UnmuteChat', data: {} })).toMatchObject({ ok: true });
    expect(await bo.say('thanks')).toMatchObject({ ok: true });
    await teacher.until(() => teacher.chat.length === 2);
    expect(teacher.chat.map((l) => l.text)).toEqual(['I can', 'thanks']);
    await Promise.all([teacher.leave(), ada.leave(), bo.leave()]);

    const quiet = await newMatch({ seed: 'chat-off', classroom: true, chat: false });
    const cy = await GameClient.join(live.server.port, quiet.matchId, { name: 'Cy' });
    expect(await cy.say('hello?')).toMatchObject({ ok: false, code: 'CHAT_OFF' });
    expect(cy.state.chatOff).toBe(true);
    await cy.leave();
    // A class session turns chat off for all its matches.
    const session = await postJson('/api/sessions', { matches: 1, seats: 1, chat: false });
    expect(session.status).toBe(201);
    const [first] = ((await session.json()) as { matches: Array<{ matchId: string }> }).matches;
    const di = await GameClient.join(live.server.port, first!.matchId, { name: 'Di' });
    expect(await di.say('hello?')).toMatchObject({ ok: false, code: 'CHAT_OFF' });
    await di.leave();
  });

  it('behind a spectator delay, the watch room hears its own channel at once and the players’ lines only as the cut passes them', async () => {
    const { matchId } = await newMatch({ seed: 'chat-delay', quarters: 3, spectatorDelay: 1 });
    const ada = await GameClient.join(live.server.port, matchId, { name: 'Ada' });
    const bo = await GameClient.join(live.server.port, matchId, { name: 'Bo' });
    await ada.until(() => ada.state.status === 'planning');
    const watcher = async (name?: string) => {
      const room: Room = await new Client(`ws://127.0.0.1:${live.server.port}`).joinOrCreate('watch', { matchId, ...(name ? { name } : {}) });
      const lines: ChatLine[] = [];
      room.onMessage('chat', (m: { lines: ChatLine[] }) => lines.push(...m.lines));
      const replies: unknown[] = [];
      room.onMessage('ack', (m) => replies.push(m));
      room.onMessage('rejected', (m) => replies.push(m));
      room.onMessage('seat', () => undefined);
      room.onMessage('watch', () => undefined);
      return { room, lines, replies };
    };
    const sam = await watcher('Sam');
    const kim = await watcher();
    expect(await ada.say('quarter one plan')).toMatchObject({ ok: true });
    sam.room.send('say', { id: 1, text: 'hello from the stands' });
    await kim.room.send('say', { id: 1, text: '' });
    await ada.until(() => sam.replies.length === 1 && kim.replies.length === 1 && kim.lines.length === 1);
    expect(sam.replies[0]).toMatchObject({ id: 1 });
    expect(kim.replies[0]).toMatchObject({ id: 1, code: 'CHAT_EMPTY' });
    expect(kim.lines).toEqual([expect.objectContaining({ channel: 'spectators', name: 'Sam', text: 'hello from the stands' })]);
    // Quarter 1 and 2 resolve: spectators now see quarter 1, and what was said in it.
    for (const q of [1, 2]) {
      expect(await ada.command({ type: 'LockOrders', data: { seat: 0, quarter: q } })).toMatchObject({ ok: true });
      expect(await bo.command({ type: 'LockOrders', data: { seat: 1, quarter: q } })).toMatchObject({ ok: true });
      await ada.until(() => ada.state.quarter === q + 1);
    }
    await ada.until(() => kim.lines.length === 2);
    expect(kim.lines[1]).toMatchObject({ channel: 'players', name: 'Ada', text: 'quarter one plan', quarter: 1 });
    // Numbered in the order this room showed them, not by the live log's seq (which would tell how
    // far the players are): Sam's line first, Ada's (said before it) second, and Sam's ack says 1.
    expect(kim.lines.map((l) => l.seq)).toEqual([1, 2]);
    expect(sam.replies[0]).toEqual({ id: 1, seq: 1 });
    expect(ada.chat[0]!.seq).toBeGreaterThan(2);
    // Who joins now gets the same numbers, in the same order.
    const late = await watcher();
    await ada.until(() => late.lines.length === 2);
    expect(late.lines.map((l) => [l.seq, l.text])).toEqual([
      [1, 'hello from the stands'],
      [2, 'quarter one plan'],
    ]);
    await late.room.leave();
    expect(ada.chat.map((l) => l.text)).toEqual(['quarter one plan']);
    await Promise.all([ada.leave(), bo.leave(), sam.room.leave(), kim.room.leave()]);
  });
});
