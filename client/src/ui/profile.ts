import type { Profile } from '../../../shared/wire/ranked';
import { currentLocale, number, pageTitle, t, tf } from '../i18n/i18n';
import { fetchProfile } from '../net/ranked';
import { h, routeLink } from './dom';
import { rankedPage } from './leaderboard';
import { matchDate, ordinal, ratingChange } from './rankedFormat';
import { installTapTips, tip } from './tooltip';

/** The match history: date, place, the rating after and its change, and each match's replay. */
function historyTable(profile: Profile): HTMLElement {
  if (profile.matches.length === 0) return h('p', { id: 'profile-no-matches', class: 'muted' }, t('profileNoMatches'));
  const locale = currentLocale();
  return h(
    'div',
    { class: 'table-scroll' },
    h(
      'table',
      { id: 'profile-matches', class: 'ranked-table' },
      h('caption', { class: 'sr-only' }, t('profileHistory')),
      h('thead', {}, h('tr', {}, ...(['colDate', 'colPlace', 'colRatingAfter', 'colChange', 'colReplay'] as const).map((k) => h('th', { scope: 'col', class: k === 'colRatingAfter' || k === 'colChange' ? 'num' : '' }, t(k))))),
      h(
        'tbody',
        {},
        ...profile.matches.map((m) => {
          const when = matchDate(m.at, locale);
          return h(
            'tr',
            { 'data-match': m.matchId },
            h('th', { scope: 'row' }, when),
            h('td', {}, tf('placeOf', { place: ordinal(m.place, locale), of: m.of })),
            h('td', { class: 'num' }, number(m.rating)),
            h('td', { class: `num ${m.change > 0 ? 'won' : m.change < 0 ? 'change-down' : ''}` }, ratingChange(m.change)),
            // A full page load: the replay screen is its own bundle.
            h('td', {}, h('a', { href: `/replay/${encodeURIComponent(m.matchId)}`, class: 'replay-link', 'aria-label': tf('replayOf', { date: when }) }, t('replay'))),
          );
        }),
      ),
    ),
  );
}

/** A profile page ("/profile/<userId>", or "/profile" for this browser's account). */
export function renderProfile(root: HTMLElement, userId: string | null, go: (path: string) => void): void {
  const { heading, body } = rankedPage(root, t('profile'), go);
  fetchProfile(userId ?? 'me').then(
    (profile) => {
      heading.textContent = profile.name;
      installTapTips();
      pageTitle(profile.name, t('profile'));
      const chart = h('section', { class: 'card', 'aria-labelledby': 'rating-chart-title' }, h('h2', { id: 'rating-chart-title' }, t('profileChart')));
      body.replaceChildren(
        h(
          'section',
          { class: 'card' },
          h(
            'dl',
            { class: 'profile-figures' },
            h('div', {}, h('dt', {}, t('profileRating')), tip(h('dd', { id: 'profile-rating' }, number(profile.current.rating)), t('ratingTip'))),
            h('div', {}, h('dt', {}, t('profilePosition')), h('dd', { id: 'profile-position' }, profile.position === null ? t('profileUnranked') : `#${profile.position}`)),
            h('div', {}, h('dt', {}, t('colMatches')), h('dd', {}, number(profile.matches.length))),
          ),
          routeLink('/leaderboard', go, { id: 'leaderboard-link' }, t('leaderboard')),
        ),
        ...(profile.matches.length > 0 ? [chart] : []),
        h('section', { class: 'card', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, t('profileHistory')), historyTable(profile)),
      );
      if (profile.matches.length > 0)
        void import('./ratingChart')
          .then((m) => m.renderRatingChart(chart, profile.matches))
          .catch((e: unknown) => chart.append(h('p', { class: 'error' }, String((e as Error).message))));
    },
    (e: unknown) => {
      const missing = (e as { status?: number }).status === 404;
      body.replaceChildren(h('p', { id: 'profile-error', class: 'error', role: 'alert' }, missing ? t('profileNotFound') : String((e as Error).message)));
    },
  );
}
