import type { GameState } from '../../../shared/domain/state';
import type { ForkSeat } from '../../../shared/domain/commands';
import type { ApiError, ForkedMatch, ForkRequest } from '../../../shared/wire/http';
import { seatName, t } from '../i18n/i18n';
import { rememberSeatToken } from '../net/connection';
import { h } from '../ui/dom';

const DEFAULT_BOT = { strategy: 'balanced', difficulty: 'normal' } as const;


/**
 * What-if: from the quarter shown, a new live match. The reader picks a seat; the other seats
 * keep their bots (or get a balanced bot), or stay open for friends joining with the code.
 */
export function forkPanel(sourceMatchId: string, quarter: number, state: GameState, openMatch: (matchId: string) => void): HTMLElement {
  const seat = h('select', { id: 'fork-seat', 'aria-label': t('replayYourSeat') }, ...state.seats.map((s) => h('option', { value: s.index }, s.name ? seatName(s.name) : `#${s.index + 1}`)));
  const open = h('input', { id: 'fork-open', type: 'checkbox' });
  const error = h('p', { id: 'fork-error', class: 'error', role: 'alert' });
  const go = async () => {
    error.textContent = '';
    const mine = Number(seat.value);
    const seats: ForkSeat[] = state.seats.map((s) =>
      s.index === mine || open.checked ? { kind: 'open' } : { kind: 'bot', bot: s.bot ?? { ...DEFAULT_BOT } },
    );
    const name = localStorage.getItem('closed-loop.name') || 'Player';
    const res = await fetch(`/api/matches/${encodeURIComponent(sourceMatchId)}/fork`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ quarter, seats, player: { seat: mine, name } } satisfies ForkRequest),
    });
    if (!res.ok) {
      const refused = (await res.json().catch(() => ({}))) as Partial<ApiError>;
      error.textContent = `${refused.error ?? res.status}: ${refused.message ?? ''}`;
      return;
    }
    const forked = (await res.json()) as ForkedMatch;
    if (forked.token) rememberSeatToken(forked.matchId, forked.token);
    openMatch(forked.matchId);
  };
  return h(
    'div',
    { id: 'what-if' },
    h('p', { class: 'muted' }, t('replayWhatIfText')),
    h('div', { class: 'row wrap' }, h('label', {}, t('replayYourSeat'), seat), h('label', { class: 'inline' }, open, ` ${t('replayOthersOpen')}`)),
    h('button', { id: 'fork', class: 'primary', onclick: () => void go() }, `${t('replayFork')} Q${quarter}`),
    error,
  );
}
