import type { PublicReport, SeatReport } from '../../../../shared/views/quarterReport';
import type { Loose } from '../../../../shared/wire/state';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { momentsOf, type Moment } from './moments';

const SHOW_MS = 8000;

/** What the canvas does for a moment: good news, bad news, or the win. */
export type Celebration = 'good' | 'bad' | 'win';

export function celebrationOf(m: Moment): Celebration {
  if (m.kind === 'win') return 'win';
  if (m.kind === 'loss' || m.kind === 'auctionLost') return 'bad';
  return m.mine ? 'good' : 'bad';
}

/**
 * Announces each new quarter's moments once: a banner over the match, the same words to `said`
 * (the screen reader's sentence for the quarter) and, for the most important one, the canvas's
 * flash and tone. Results already there when the screen opens are not announced again. Says
 * whether `pub` is a quarter just come (for whatever else is announced once per quarter). The
 * banner waits for `hold` to show it (after the quarter's sequence on the canvas); `show(false)`
 * leaves the canvas's moment out (the sequence celebrated already).
 */
export function momentAnnouncer(
  el: HTMLElement,
  celebrate: (kind: Celebration) => void,
  said: (moments: string[]) => void,
  hold: (show: (celebrateToo: boolean) => void) => void = (show) => show(true),
) {
  let last: number | null = null;
  let hide = 0;
  return (pub: Loose<PublicReport> | null, own: Loose<SeatReport> | null, seat: number | null, names: Parameters<typeof momentsOf>[3]): boolean => {
    const quarter = pub?.quarter ?? 0;
    if (last === null || quarter <= last || !pub) {
      last = Math.max(last ?? 0, quarter);
      return false;
    }
    last = quarter;
    const moments = momentsOf(pub, own, seat, names);
    said(moments.map((m) => m.text));
    if (moments.length === 0) return true;
    const top = moments[0]!;
    hold((celebrateToo) => {
      el.replaceChildren(...moments.slice(0, 3).map((m) => h('p', { class: `moment ${m.kind}${m.mine ? ' mine' : ''}` }, m.text)));
      el.className = `moments ${celebrationOf(top)}`;
      el.hidden = false;
      window.clearTimeout(hide);
      hide = window.setTimeout(() => (el.hidden = true), SHOW_MS);
      if (celebrateToo) celebrate(celebrationOf(top));
    });
    return true;
  };
}

/** The header's pause for the canvas's motion (orbits, glows, the quarter's sequence become cuts). */
export function motionButton(paused: boolean, set: (paused: boolean) => void): HTMLElement {
  const label = paused ? t('motionPaused') : t('motionRunning');
  return h(
    'button',
    { class: 'secondary icon', id: 'motion', 'aria-pressed': String(paused), 'aria-label': t('motionPause'), title: label, onclick: () => set(!paused) },
    h('img', { src: `/icons/${paused ? 'play' : 'pause'}.svg`, alt: '', width: 22, height: 22 }),
  );
}
