import type { World } from '../../game/startGame';
import { timeline } from '../../game/timeline';
import type { PublicReport } from '../../../../shared/views/quarterReport';
import type { Loose } from '../../../../shared/wire/state';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import { stepText } from './sequenceText';
import './sequence.css';

type Names = Parameters<typeof stepText>[1];

/**
 * Plays each quarter's resolution on the world canvas (the match's and the replay's), with a
 * Skip button over it and Esc to skip. `onEnd` runs when it is over, played out or skipped (at
 * once when there is no canvas to play on: not loaded yet, or the Table view in its place).
 */
export function quarterSequence(canvasBox: HTMLElement, world: () => World | null, focusAfterSkip: () => HTMLElement | null) {
  const skip = h('button', { class: 'secondary sequence-skip', id: 'sequence-skip', type: 'button', 'aria-keyshortcuts': 'Escape', hidden: true }, `${t('seq_skip')} (Esc)`);
  canvasBox.parentElement?.classList.add('has-sequence');
  canvasBox.after(skip);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || skip.hidden || document.querySelector('dialog[open], .tour')) return;
    e.preventDefault();
    world()?.skipQuarter();
  };
  skip.addEventListener('click', () => world()?.skipQuarter());
  document.addEventListener('keydown', onKey);
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
  return {
    play(pub: Loose<PublicReport>, names: Names, speed: number, onEnd: (skipped: boolean) => void): void {
      const w = world();
      if (!w || canvasBox.classList.contains('behind-table')) return onEnd(true);
      // The quarter before, if it still plays, ends first (and shows its moments).
      w.skipQuarter();
      skip.hidden = false;
      // On a short screen the orders may hide the world: bring it into view to watch (the focus stays).
      const box = canvasBox.getBoundingClientRect();
      if (Math.min(window.innerHeight, box.bottom) - Math.max(0, box.top) < box.height / 2) canvasBox.scrollIntoView({ block: 'center', behavior: reduced.matches ? 'auto' : 'smooth' });
      w.playQuarter(timeline(pub, { speed, reducedMotion: reduced.matches }), (step) => stepText(step, names), {
        onStep: () => undefined,
        onEnd: (skipped) => {
          const hadFocus = document.activeElement === skip;
          skip.hidden = true;
          if (hadFocus) focusAfterSkip()?.focus();
          onEnd(skipped);
        },
      });
    },
    dispose(): void {
      document.removeEventListener('keydown', onKey);
      skip.remove();
    },
  };
}
