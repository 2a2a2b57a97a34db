import type { Leaderboard, LeaderRow } from '../../../shared/wire/ranked';
import { number, pageTitle, t, tf } from '../i18n/i18n';
import { fetchLeaderboard } from '../net/ranked';
import { clear, h, routeLink } from './dom';
import { queueBanner } from './quickMatch';

/** A ranked page's frame: a way back to the lobby, its heading, and a card for its body. */
export function rankedPage(root: HTMLElement, title: string, go: (path: string) => void): { heading: HTMLElement; body: HTMLElement } {
  clear(root);
  pageTitle(title);
  window.scrollTo(0, 0);
  const heading = h('h1', { id: 'page-title' }, title);
  const body = h('div', { class: 'ranked-body' }, h('p', { class: 'muted', role: 'status' }, t('profileLoading')));
  root.append(h('main', { id: 'main', class: 'lobby ranked', 'aria-labelledby': 'page-title' }, h('nav', { class: 'ranked-nav' }, routeLink('/', go, { class: 'button', id: 'back-to-lobby' }, `← ${t('backToLobby')}`)), queueBanner(go), heading, body));
  return { heading, body };
}

/** The top 100 as a table; the caller's own row marked, and their position below when further down. */
export function leaderboardTable(board: Leaderboard, go: (path: string) => void): HTMLElement[] {
  if (board.top.length === 0) return [h('p', { id: 'leaderboard-empty', class: 'muted' }, t('leaderboardEmpty'))];
  const mine = (row: LeaderRow) => board.you !== null && row.userId === board.you.userId;
  const profile = (row: LeaderRow) => routeLink(`/profile/${encodeURIComponent(row.userId)}`, go, {}, row.name);
  const table = h(
    'table',
    { id: 'leaderboard', class: 'ranked-table' },
    h('caption', {}, tf('leaderboardCaption', { n: board.players })),
    h('thead', {}, h('tr', {}, ...(['colPosition', 'colName', 'colRating', 'colMatches', 'colWins'] as const).map((k) => h('th', { scope: 'col', class: k === 'colName' ? '' : k === 'colPosition' ? 'pos' : 'num' }, t(k))))),
    h(
      'tbody',
      {},
      ...board.top.map((row) =>
        h(
          'tr',
          { class: mine(row) ? 'me' : undefined, 'aria-current': mine(row) ? 'true' : undefined, 'data-user': row.userId },
          h('td', { class: 'pos' }, String(row.position)),
          h('th', { scope: 'row' }, profile(row)),
          h('td', { class: 'num' }, number(row.rating)),
          h('td', { class: 'num' }, number(row.matches)),
          h('td', { class: 'num' }, number(row.wins)),
        ),
      ),
    ),
  );
  const you = board.you;
  const outside = you !== null && !board.top.some(mine);
  const shown: Array<HTMLElement | null> = [
    h('div', { class: 'table-scroll' }, table),
    outside ? h('p', { id: 'leaderboard-you', class: 'me' }, routeLink('/profile', go, {}, tf('leaderboardYou', { n: you.position })), ` · ${t('colRating')} ${number(you.rating)}`) : null,
    you === null ? h('p', { id: 'leaderboard-you', class: 'muted' }, t('leaderboardNotRanked')) : null,
  ];
  return shown.filter((el): el is HTMLElement => el !== null);
}

/** The leaderboard page ("/leaderboard"). */
export function renderLeaderboard(root: HTMLElement, go: (path: string) => void): void {
  const { body } = rankedPage(root, t('leaderboard'), go);
  fetchLeaderboard().then(
    (board) => body.replaceChildren(h('section', { class: 'card' }, ...leaderboardTable(board, go))),
    (e: unknown) => body.replaceChildren(h('p', { class: 'error', role: 'alert' }, String((e as Error).message))),
  );
}
