import type { LineId } from '../../../shared/scenario/types';
import type { PublicReport } from '../../../shared/views/quarterReport';
import type { Loose } from '../../../shared/wire/state';
import { money, t, tf } from '../i18n/i18n';
import { h } from '../ui/dom';

/** How licenses and shock headlines read in the facilitator's language (the scenario's names when it is not known yet). */
export interface ResultWords {
  license(id: string): string;
  headline(cardId: string, recorded: string): string;
}
const PLAIN: ResultWords = { license: (id) => id, headline: (_id, recorded) => recorded };

/**
 * A quarter's public results, large enough for a projector: the last released quarter's, or with
 * `held` the one the facilitator shows before releasing it to the students.
 */
export function resultsPanel(r: Loose<PublicReport> | null, names: readonly string[], held = false, words: ResultWords = PLAIN): HTMLElement {
  const box = h('section', { class: `card fc-results${held ? ' held' : ''}`, id: 'results' });
  if (!r) {
    box.append(h('h2', {}, t('fcStandings')), h('p', { class: 'muted' }, t('fcNoResults')));
    return box;
  }
  const standings = r.valuations.map((v, seat) => ({ seat, v })).sort((a, b) => b.v - a.v);
  box.append(
    h('h2', {}, tf(held ? 'fcHeldResults' : 'fcResults', { q: r.quarter })),
    h('ol', { class: 'fc-standings' }, ...standings.map((s) => h('li', {}, h('span', {}, names[s.seat] ?? `#${s.seat + 1}`), h('strong', {}, money(s.v))))),
    h(
      'dl',
      { class: 'fc-facts' },
      h('dt', {}, t('fcFoundry')),
      h('dd', {}, r.foundry?.clearingPriceUsd ? money(r.foundry.clearingPriceUsd) : '—'),
      h('dt', {}, t('fcSpectrum')),
      h('dd', {}, r.spectrum.flatMap((x) => (x.winner == null ? [] : [`${words.license(x.licenseId)} → ${names[x.winner] ?? ''} ${money(x.price)}`])).join(' · ') || '—'),
      h('dt', {}, t('fcLoopsClosed')),
      h('dd', {}, r.loopsClosed.map((l) => `${names[l.seat] ?? ''}: ${t(l.line as LineId)}`).join(' · ') || '—'),
    ),
  );
  if (r.news.length) box.append(h('div', { class: 'fc-news' }, h('h3', {}, t('fcNews')), ...r.news.map((n) => h('p', {}, words.headline(n.cardId, n.headline)))));
  return box;
}
