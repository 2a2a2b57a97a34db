import type { Profile } from '../../../../shared/wire/ranked';
import { number, t, tf } from '../../i18n/i18n';
import { fetchProfile } from '../../net/ranked';
import { h } from '../dom';
import { ratingChange } from '../rankedFormat';

/** How often and how long the results ask for the rating (the server rates a match as it ends). */
const ASK_EVERY_MS = 1000;
const ASKS = 15;

/** The line a ranked match's result shows for this player, once their profile lists the match. */
export function ratingLine(profile: Profile, matchId: string): string | null {
  const row = profile.matches.find((m) => m.matchId === matchId);
  if (!row) return null;
  return tf('ratingChanged', { before: number(row.rating - row.change), after: number(row.rating), change: ratingChange(row.change) });
}

/**
 * What a ranked match's results add for its player: how their rating moved (asked again until the
 * server has rated the match), a link to their profile, and Play again, which queues once more.
 */
export function rankedResult(matchId: string, go: (path: string) => void): { line: HTMLElement; playAgain: HTMLElement } {
  const text = h('span', {}, t('ratingPending'));
  const line = h('p', { id: 'rating-change', class: 'rating-change', role: 'status' }, text, ' · ', h('a', { href: '/profile', onclick: (e: Event) => (e.preventDefault(), go('/profile')) }, t('yourProfile')));
  let asks = 0;
  const ask = () => {
    // The page moved on (another match, the lobby): nobody reads this line any more.
    if (!line.isConnected && asks > 0) return;
    asks++;
    fetchProfile('me').then(
      (profile) => {
        const said = ratingLine(profile, matchId);
        if (said) text.textContent = said;
        else if (asks < ASKS) setTimeout(ask, ASK_EVERY_MS);
        else text.textContent = t('ratingUnavailable');
      },
      () => (asks < ASKS ? setTimeout(ask, ASK_EVERY_MS) : (text.textContent = t('ratingUnavailable'))),
    );
  };
  ask();
  const playAgain = h('a', { class: 'button primary', id: 'play-again', href: '/?play', onclick: (e: Event) => (e.preventDefault(), go('/?play')) }, t('playAgain'));
  return { line, playAgain };
}
