import { describe, expect, it } from 'vitest';
import type { GameEvent } from '../../shared/domain/events';
import { stateHash } from '../../shared/replay/fold';
import { evolveAll } from '../../shared/rules/evolve';
import { initialState } from '../../shared/rules/initialState';
import { hearsChat, PUBLIC, visibleEvents, type Audience, type Disclosure } from '../../shared/views/visibility';
import { given } from '../support/given';
import { asPlayer, endPlanning, historyOf, newTestMatch } from '../support/newTestMatch';

// Chat lines are events (replays show them) that change no state; the facilitator mutes, a class
// may turn chat off; who reads the spectators' channel is the one visibility policy's.

const facilitator = { role: 'facilitator' } as const;
const system = { role: 'system' } as const;
const history = () => historyOf(newTestMatch({ players: 2, seed: 'chat' }));
const say = (text: string, channel: 'players' | 'spectators' = 'players', name?: string) => ({ type: 'SayChat', data: { channel, text, ...(name ? { name } : {}) } });
const said = (seat: number, text: string): GameEvent => ({ type: 'ChatSaid', data: { channel: 'players', seat, text, quarter: 1 } });
const spectatorSaid = (name: string, text: string, quarter = 1): GameEvent => ({ type: 'ChatSaid', data: { channel: 'spectators', name, text, quarter } });

describe('chat: decide', () => {
  it('a player says a trimmed line as their seat, in the quarter it is said', () => {
    given(history()).when(say('  hello  '), asPlayer(1)).then([said(1, 'hello')]);
  });

  it('the room says a spectator’s line under their name, in their own channel', () => {
    given(history()).when(say('go team', 'spectators', ' Ada '), system).then([spectatorSaid('Ada', 'go team')]);
  });

  it('nobody speaks in the other channel', () => {
    given(history()).when(say('hi', 'spectators', 'Ada'), asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history()).when(say('hi'), system).thenRejects('NOT_ALLOWED');
    given(history()).when(say('hi'), facilitator).thenRejects('NOT_ALLOWED');
  });

  it('counts 280 characters in code points, and refuses empty lines and control characters', () => {
    const emoji = '😀'.repeat(280);
    given(history()).when(say(emoji), asPlayer(0)).then([said(0, emoji)]);
    given(history()).when(say('x'.repeat(281)), asPlayer(0)).thenRejects('CHAT_TOO_LONG');
    given(history()).when(say('   '), asPlayer(0)).thenRejects('CHAT_EMPTY');
    given(history()).when(say('a\u0007b'), asPlayer(0)).thenRejects('CHAT_INVALID');
    given(history()).when(say('a\nb'), asPlayer(0)).thenRejects('CHAT_INVALID');
    given(history()).when(say('x'.repeat(2000)), asPlayer(0)).thenRejects('MALFORMED_COMMAND');
  });

  it('HTML is text like any other: stored as said', () => {
    given(history()).when(say('<script>alert(1)</script>'), asPlayer(0)).then([said(0, '<script>alert(1)</script>')]);
  });

  it('a class may turn chat off at creation (stored in the settings)', () => {
    const created = { type: 'CreateMatch', data: { matchId: 'm', seed: 's', seats: 2, winLoops: 2, planningSeconds: 0, classroom: true, chat: false } };
    const [event] = given([]).when(created, facilitator).events();
    expect(event).toMatchObject({ type: 'MatchCreated', data: { settings: { classroom: true, chat: false } } });
    const off = [event!, { type: 'SeatClaimed', data: { seat: 0, name: 'A', kind: 'human' } } as const];
    given(off).when(say('hi'), asPlayer(0)).thenRejects('CHAT_OFF');
    // Chat on (the default) leaves the settings as older logs wrote them.
    const [plain] = given([]).when({ ...created, data: { ...created.data, chat: true } }, facilitator).events();
    expect(plain).toMatchObject({ data: { settings: { classroom: true } } });
    expect('chat' in (plain as { data: { settings: object } }).data.settings).toBe(false);
  });

  it('the facilitator mutes a seat or everyone, and lifts it', () => {
    given(history()).when({ type: 'MuteChat', data: { seat: 1 } }, facilitator).then([{ type: 'ChatMuted', data: { seat: 1 } }]);
    given(history()).when({ type: 'MuteChat', data: { seat: 1 } }, asPlayer(0)).thenRejects('NOT_ALLOWED');
    given(history()).when({ type: 'MuteChat', data: { seat: 9 } }, facilitator).thenRejects('UNKNOWN_SEAT');
    const one = [...history(), { type: 'ChatMuted', data: { seat: 1 } } as const];
    given(one).when(say('hi'), asPlayer(1)).thenRejects('CHAT_MUTED');
    given(one).when(say('hi'), asPlayer(0)).then([said(0, 'hi')]);
    given(one).when({ type: 'MuteChat', data: { seat: 1 } }, facilitator).then([]);
    const all = [...history(), { type: 'ChatMuted', data: {} } as const];
    given(all).when(say('hi'), asPlayer(0)).thenRejects('CHAT_MUTED');
    given(all).when(say('hi', 'spectators', 'Ada'), system).thenRejects('CHAT_MUTED');
    given(one).when({ type: 'UnmuteChat', data: { seat: 1 } }, facilitator).then([{ type: 'ChatUnmuted', data: { seat: 1 } }]);
    given([...one, { type: 'ChatUnmuted', data: { seat: 1 } }]).when(say('back'), asPlayer(1)).then([said(1, 'back')]);
    given([...all, { type: 'ChatUnmuted', data: {} }]).when(say('hi'), asPlayer(0)).then([said(0, 'hi')]);
    given(history()).when({ type: 'UnmuteChat', data: {} }, facilitator).then([]);
  });

  it('refused once the match has ended', () => {
    const m = newTestMatch({ players: 1, seed: 'over' });
    while (m.state.status === 'planning') endPlanning(m);
    given(historyOf(m)).when(say('gg'), asPlayer(0)).thenRejects('MATCH_ENDED');
  });

  it('a chat line changes no state: the state hash is the same with or without it', () => {
    const log = history();
    const withChat = [...log, said(0, 'hello'), spectatorSaid('Ada', 'hi')];
    expect(stateHash(evolveAll(initialState(), withChat))).toBe(stateHash(evolveAll(initialState(), log)));
  });
});

describe('chat: who reads it (visibleEvents)', () => {
  const m = newTestMatch({ players: 2, seed: 'chat-visible' });
  endPlanning(m);
  endPlanning(m);
  const base = historyOf(m);
  // Quarter 3's planning: players and spectators each say something.
  const players = said(0, 'hi all');
  const spectators = spectatorSaid('Ada', 'they will lose', 3);
  const log = [...base, players, spectators];
  const live = (over: Partial<Disclosure> = {}): Disclosure => ({ over: false, held: null, delay: 0, ...over });
  const seat0 = { kind: 'seat', seat: 0 } as const;

  it('live: players read the players’ channel, never the spectators’', () => {
    const seen = visibleEvents(log, seat0, live());
    expect(seen).toContain(players);
    expect(seen).not.toContain(spectators);
  });

  it('live: spectators and the facilitator read both channels', () => {
    for (const audience of [PUBLIC, { kind: 'facilitator' } as const]) {
      const seen = visibleEvents(log, audience, live());
      expect(seen).toContain(players);
      expect(seen).toContain(spectators);
    }
  });

  it('with a delay, spectators read the players’ channel behind like every event, their own channel live', () => {
    const seen = visibleEvents(log, PUBLIC, live({ delay: 1 }));
    expect(seen).not.toContain(players);
    expect(seen).toContain(spectators);
    expect(seen.filter((e) => e.type !== 'ChatSaid')).toEqual(visibleEvents(base, PUBLIC, live({ delay: 1 })));
  });

  it('while a quarter is held, players still read the chat', () => {
    expect(visibleEvents(log, seat0, live({ held: 2 }))).toContain(players);
  });

  it('over: everyone reads both channels', () => {
    for (const audience of [PUBLIC, seat0]) expect(visibleEvents(log, audience, live({ over: true }))).toEqual(log);
  });

  it('a line heard as it is said (hearsChat) is one the log shows that audience at that moment', () => {
    const audiences: Audience[] = [PUBLIC, seat0, { kind: 'facilitator' }];
    for (const d of [live(), live({ delay: 1 }), live({ held: 2 }), live({ over: true })])
      for (const audience of audiences)
        for (const line of [players, spectators] as Array<Extract<GameEvent, { type: 'ChatSaid' }>>) {
          const heard = hearsChat(line, audience, d);
          expect(heard, `${audience.kind} ${JSON.stringify(d)} ${line.data.channel}`).toBe(visibleEvents(log, audience, d).includes(line));
        }
  });
});
