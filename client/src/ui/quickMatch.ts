import type { QueueMessages } from '../../../shared/wire/ranked';
import type { MessageKey } from '../i18n/en';
import { number, t, tf } from '../i18n/i18n';
import { joinQueue, type QueueTicket } from '../net/ranked';
import { h, routeLink } from './dom';
import { joinRefusal } from './joinError';
import { waitingTime } from './rankedFormat';

// The queue outlives one drawing of the lobby (a change of language redraws it): its state is kept
// here, and the card drawn last shows it.
interface Waiting {
  startedAt: number;
  ticket: Promise<QueueTicket>;
  queued: QueueMessages['queued'] | null;
  clients: number;
  matched: QueueMessages['matched'] | null;
}

let waiting: Waiting | null = null;
/** What the last queue told of itself (seats and wait), for the button's hint; the defaults before. */
let known = { seats: 4, waitSeconds: 30 };
/** A line under the button: why the last queue ended, or that it was left. */
let notice: { text: string; error: boolean } | null = null;
let view: { draw(): void; tick(): void; open(matchId: string): void } | null = null;
let clock: ReturnType<typeof setInterval> | null = null;
/** The last cancelled queue's leaving: a new join waits for it (the server refuses one account twice). */
let leaving: Promise<unknown> = Promise.resolve();

const refusal = (e: unknown): string => {
  const r = joinRefusal(String((e as Error)?.message ?? e));
  const key = `queueErr_${r.code}` as MessageKey;
  return r.code && t(key) ? t(key) : r.text;
};

function stopWaiting(): void {
  waiting = null;
  if (clock !== null) clearInterval(clock);
  clock = null;
}

function start(name: string | undefined): void {
  notice = null;
  const over = (text: string) => {
    if (waiting !== w) return;
    stopWaiting();
    notice = { text, error: true };
    view?.draw();
    document.getElementById('play-now')?.focus();
  };
  const w: Waiting = {
    startedAt: Date.now(),
    queued: null,
    clients: 1,
    matched: null,
    ticket: leaving.then(() =>
      joinQueue(name ? { name } : {}, {
        queued(info) {
          w.queued = info;
          known = { seats: info.seats, waitSeconds: info.waitSeconds };
          view?.draw();
        },
        clients(count) {
          w.clients = count;
          view?.draw();
        },
        matched(info) {
          w.matched = info;
          view?.draw();
        },
        entered(matchId) {
          if (waiting !== w) return;
          stopWaiting();
          view?.open(matchId);
        },
        failed: (why) => over(tf('queueFailed', { why: joinRefusal(why).text })),
      }),
    ),
  };
  w.ticket.catch((e: unknown) => over(refusal(e)));
  waiting = w;
  clock = setInterval(() => view?.tick(), 1000);
  view?.draw();
}

function cancel(): void {
  const w = waiting;
  // Once matched, the seat is taken: the match opens in a moment.
  if (!w || w.matched) return;
  stopWaiting();
  leaving = w.ticket.then((ticket) => ticket.cancel()).catch(() => undefined);
  notice = { text: t('queueCancelled'), error: false };
  view?.draw();
  document.getElementById('play-now')?.focus();
}

/**
 * While the queue lasts, a line for the other pages (leaderboard, profile): the waiting time (its
 * clock ticks here too) and a link back to the lobby's panel. The match, once found, opens from any page.
 */
export function queueBanner(go: (path: string) => void): HTMLElement | null {
  if (!waiting) return null;
  const elapsed = waitingTime((Date.now() - waiting.startedAt) / 1000);
  return h('p', { id: 'queue-banner', class: 'card queue-banner' }, `${t('queueTitle')} · `, h('time', { id: 'queue-elapsed' }, elapsed), ' · ', routeLink('/', go, { id: 'queue-show' }, t('queueShow')));
}

// Esc leaves the queue while its panel is on the page.
if (typeof document !== 'undefined')
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && waiting && !waiting.matched && document.getElementById('queue-cancel')) {
      e.preventDefault();
      cancel();
    }
  });

/**
 * The lobby's first card: "Play now" joins the ranked queue (bots fill the table after the wait);
 * while waiting, a status panel counts the time and the players found, with Cancel (and Esc).
 * A match found opens with `open`; `name` is the lobby's name field.
 */
export function quickMatchCard(name: () => string | undefined, open: (matchId: string) => void, go: (path: string) => void): HTMLElement {
  const card = h('section', { class: 'card quick-match', 'aria-labelledby': 'quick-match-title' });
  const elapsed = () => waitingTime(waiting ? (Date.now() - waiting.startedAt) / 1000 : 0);
  const board = () => routeLink('/leaderboard', go, { id: 'leaderboard-link' }, t('leaderboard'));
  // The status panel stays while the queue lasts, its lines rewritten: a live region that is
  // replaced would not be read out.
  let panel: { of: Waiting; status: HTMLElement; players: HTMLElement; rating: HTMLElement; cancel: HTMLButtonElement } | null = null;
  const idle = () => {
    panel = null;
    const play = h('button', { id: 'play-now', class: 'primary play-now', 'aria-describedby': 'play-now-hint', onclick: () => start(name()) }, t('playNow'));
    card.replaceChildren(
      h('h2', { id: 'quick-match-title', class: 'sr-only' }, t('playNow')),
      h('div', { class: 'row wrap' }, play, board()),
      h('p', { id: 'play-now-hint', class: 'muted' }, tf('playNowHint', { seats: known.seats, s: known.waitSeconds })),
      ...(notice ? [h('p', { id: 'queue-notice', class: notice.error ? 'error' : 'muted', role: notice.error ? 'alert' : 'status' }, notice.text)] : []),
    );
  };
  const queueing = (w: Waiting) => {
    if (panel?.of !== w) {
      const [before, after] = t('queueWaiting').split('{time}');
      const players = h('p', { id: 'queue-players' });
      const rating = h('p', { id: 'queue-rating' });
      const status = h(
        'div',
        { id: 'queue-status', 'aria-live': 'polite' },
        h('h2', { id: 'quick-match-title' }, t('queueTitle')),
        // The clock ticks every second, which a screen reader should not read out each time.
        h('p', { class: 'queue-clock', 'aria-live': 'off' }, before ?? '', h('time', { id: 'queue-elapsed' }, elapsed()), after ?? ''),
        players,
        rating,
      );
      const cancelButton = h('button', { id: 'queue-cancel', onclick: cancel, 'aria-keyshortcuts': 'Escape' }, t('queueCancel'));
      const fromPlay = document.activeElement?.id === 'play-now';
      card.replaceChildren(status, h('div', { class: 'row wrap' }, cancelButton, board()));
      panel = { of: w, status, players, rating, cancel: cancelButton };
      // Just asked to play: the keyboard is on Cancel, the one thing left to do.
      if (fromPlay) cancelButton.focus();
    }
    const seats = w.queued?.seats ?? known.seats;
    panel.status.dataset.queueClients = String(w.clients);
    panel.players.textContent = w.matched ? tf('queueMatched', { humans: w.matched.humans, bots: w.matched.bots }) : w.queued ? tf('queuePlayers', { n: w.clients, seats }) : t('queueJoining');
    panel.rating.textContent = w.queued ? tf('queueRating', { rating: number(w.queued.rating) }) : '';
    panel.cancel.disabled = w.matched !== null;
  };
  const draw = () => (waiting ? queueing(waiting) : idle());
  view = {
    draw,
    tick() {
      const time = document.getElementById('queue-elapsed');
      if (time) time.textContent = elapsed();
    },
    open,
  };
  draw();
  // "Play again" after a ranked match comes here as /?play: it queues at once (once: the address drops it).
  if (new URLSearchParams(location.search).has('play')) {
    history.replaceState({}, '', '/');
    if (!waiting) {
      start(name());
      setTimeout(() => document.getElementById('queue-cancel')?.focus(), 0);
    }
  }
  return card;
}
