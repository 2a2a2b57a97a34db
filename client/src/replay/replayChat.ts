import type { EventOf, GameEvent } from '../../../shared/domain/events';
import type { GameState } from '../../../shared/domain/state';
import { seatName, t } from '../i18n/i18n';
import { h } from '../ui/dom';

type Said = EventOf<'ChatSaid'>['data'];

/** A log's chat lines with their place in it (read once: a replay steps through the log many times). */
export function chatLines(events: readonly Pick<GameEvent, 'type' | 'data'>[]): Array<{ at: number; data: Said }> {
  return events.flatMap((e, i) => (e.type === 'ChatSaid' ? [{ at: i, data: e.data as Said }] : []));
}

/** The chat lines of a quarter said before a position of the log (both channels: a replay is of a finished match). */
export function chatOfQuarter(lines: ReturnType<typeof chatLines>, position: number, quarter: number): Said[] {
  return lines.filter((l) => l.at < position && l.data.quarter === quarter).map((l) => l.data);
}

/** The replay's chat card: what was said in the quarter reached, as text (never HTML). */
export function replayChatCard(state: GameState, lines: readonly Said[]): HTMLElement {
  if (lines.length === 0) return h('p', { class: 'muted', id: 'rp-chat-empty' }, t('chatEmpty'));
  return h(
    'ol',
    { class: 'chat-lines', id: 'rp-chat', 'aria-label': t('chatLines') },
    ...lines.map((l) => {
      const who = l.seat !== undefined ? seatName(state.seats[l.seat]?.name ?? '') : `${l.name ?? ''} (${t('chatSpectators')})`;
      return h('li', { class: `chat-line chat-${l.channel}` }, h('strong', {}, who), ': ', h('span', { class: 'chat-text' }, l.text));
    }),
  );
}
