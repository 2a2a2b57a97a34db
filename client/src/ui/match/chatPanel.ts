import type { ChatLine } from '../../../../shared/wire/messages';
import { seatName, t, tf } from '../../i18n/i18n';
import { h, setChildren } from '../dom';

/** Longest line, in characters (code points), as the engine counts. */
export const CHAT_MAX = 280;

/** Who said a line, as a key a local mute remembers: a seat, or a spectator's name. */
export const speakerKey = (line: Pick<ChatLine, 'seat' | 'name'>) => (line.seat !== null ? `seat:${line.seat}` : `name:${line.name}`);

/** The people this browser has muted in one match, kept in localStorage. */
export function localMutes(storage: Pick<Storage, 'getItem' | 'setItem'>, matchId: string) {
  const key = `closed-loop.chatMuted.${matchId}`;
  let muted: string[] = [];
  try {
    const raw: unknown = JSON.parse(storage.getItem(key) ?? '[]');
    if (Array.isArray(raw)) muted = raw.filter((k): k is string => typeof k === 'string');
  } catch {
    muted = [];
  }
  return {
    has: (who: string) => muted.includes(who),
    toggle(who: string) {
      muted = muted.includes(who) ? muted.filter((k) => k !== who) : [...muted, who];
      storage.setItem(key, JSON.stringify(muted));
    },
  };
}

/** Why this client cannot chat now, from the room's state (null: it can). */
export type ChatBlock = 'chatOff' | 'chatEnded' | 'chatYouMuted' | null;

export interface ChatSource {
  readonly chat: readonly ChatLine[];
  onChat: (fresh: ChatLine[]) => void;
  readonly role: 'player' | 'spectator' | 'facilitator';
  readonly seat: number | null;
  say(text: string): Promise<{ ok: true } | { ok: false; code: string; message: string }>;
}

/** A line's words: who said it (spectators marked), then the text, always as text nodes, never HTML. */
function lineItem(line: ChatLine, mute: HTMLButtonElement | null): HTMLLIElement {
  const who = line.seat !== null ? seatName(line.name) : `${line.name} (${t('chatSpectators')})`;
  return h('li', { class: `chat-line chat-${line.channel}`, 'data-seq': line.seq }, h('strong', {}, who), ': ', h('span', { class: 'chat-text' }, line.text), mute ? ' ' : null, mute);
}

/**
 * The match's chat, a collapsible panel: the lines this client may read (people muted here left
 * out), a labelled input with a character count where Enter sends, and a polite live region that
 * says each new line once. Refusals come back in words through `refused`.
 */
export function chatPanel(
  source: ChatSource,
  matchId: string,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  refused: (code: string, message: string) => string,
): { el: HTMLElement; block(why: ChatBlock): void } {
  const mutes = localMutes(storage, matchId);
  const list = h('ol', { class: 'chat-lines', id: 'chat-lines', 'aria-label': t('chatLines') });
  const hidden = h('p', { class: 'muted chat-hidden', hidden: true });
  const spoken = h('p', { class: 'sr-only', id: 'chat-live', role: 'status', 'aria-live': 'polite' });
  const error = h('p', { class: 'status error', id: 'chat-error', role: 'alert' });
  // One's own lines need no mute button and are not read out again.
  const own = (line: ChatLine) => source.seat !== null && line.seat === source.seat;

  const muteButton = (line: ChatLine) => {
    // (The facilitator mutes for the whole class, from the list of teams, not just on this screen.)
    if (own(line) || source.role === 'facilitator') return null;
    const who = line.seat !== null ? seatName(line.name) : line.name;
    const muted = mutes.has(speakerKey(line));
    return h('button', { type: 'button', class: 'link chat-mute', 'aria-pressed': muted ? 'true' : 'false', onclick: () => (mutes.toggle(speakerKey(line)), draw()) }, tf(muted ? 'chatUnmute' : 'chatMute', { who }));
  };

  const draw = () => {
    const shown = source.chat.filter((l) => !mutes.has(speakerKey(l)));
    const items = shown.map((l) => lineItem(l, muteButton(l)));
    setChildren(list, items.length > 0 ? items : [h('li', { class: 'muted' }, t('chatEmpty'))]);
    const n = source.chat.length - shown.length;
    hidden.hidden = n === 0;
    // Unmuting happens from the list of those muted: a muted person's lines are gone from view.
    setChildren(hidden, n === 0 ? [] : [document.createTextNode(`${tf('chatHidden', { n })} `), ...unmuteButtons()]);
    list.scrollTop = list.scrollHeight;
  };
  const unmuteButtons = () => {
    const seen = new Map<string, ChatLine>();
    for (const l of source.chat) if (mutes.has(speakerKey(l))) seen.set(speakerKey(l), l);
    return [...seen.values()].map((l) => muteButton(l)).filter((b): b is HTMLButtonElement => b !== null);
  };

  source.onChat = (fresh) => {
    draw();
    const heard = fresh.filter((l) => !mutes.has(speakerKey(l)) && !own(l));
    if (heard.length > 0) spoken.textContent = heard.map((l) => tf('chatSaid', { who: l.seat !== null ? seatName(l.name) : l.name, text: l.text })).join(' ');
  };

  const parts: Node[] = [list, hidden, spoken];
  const note = h('p', { class: 'muted', id: 'chat-note', hidden: true });
  let setBlocked = (_off: boolean) => undefined as void;
  if (source.role === 'facilitator') parts.push(h('p', { class: 'muted' }, t('chatReadOnly')));
  else {
    // The count is the input's description already; the tip says what the limit is for the eye.
    const count = h('span', { class: 'muted chat-count', id: 'chat-count', 'data-tip': tf('chatCountTip', { max: CHAT_MAX }) });
    const input = h('input', { id: 'chat-input', type: 'text', autocomplete: 'off', 'aria-describedby': 'chat-count chat-error' });
    const counted = () => {
      const n = [...input.value.trim()].length;
      count.textContent = tf('chatCount', { n, max: CHAT_MAX });
      count.classList.toggle('error', n > CHAT_MAX);
    };
    input.addEventListener('input', counted);
    counted();
    const form = h(
      'form',
      {
        class: 'chat-form',
        onsubmit: async (e: Event) => {
          e.preventDefault();
          const text = input.value;
          if (text.trim() === '') return;
          // The line leaves at once, as in any chat; a refused line comes back to be edited.
          input.value = '';
          counted();
          const reply = await source.say(text);
          error.textContent = reply.ok ? '' : refused(reply.code, reply.message);
          if (!reply.ok && input.value === '') input.value = text;
          counted();
          input.focus();
        },
      },
      h('label', { for: 'chat-input' }, t('chatMessage')),
      input,
      h('button', { type: 'submit', id: 'chat-send' }, t('chatSend')),
      count,
    );
    parts.push(note, form, error);
    setBlocked = (off) => {
      for (const el of form.querySelectorAll('input, button')) (el as HTMLInputElement).disabled = off;
    };
  }
  draw();
  const el = h('section', { class: 'card chat', id: 'chat', 'aria-labelledby': 'chat-heading' }, h('details', { open: true }, h('summary', {}, h('h2', { id: 'chat-heading', class: 'inline' }, t('chat'))), ...parts));
  let shown: ChatBlock = null;
  return {
    el,
    block(why) {
      if (why === shown) return;
      shown = why;
      note.hidden = why === null;
      note.textContent = why === null ? '' : t(why);
      setBlocked(why !== null);
    },
  };
}
