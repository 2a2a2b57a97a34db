import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { h } from '../dom';

export const TOUR_KEY = 'closed-loop.tourDone';

/** The tour's stops: which part of the screen, and what to say about it. */
export const TOUR_STEPS: ReadonlyArray<{ target: string; text: MessageKey }> = [
  { target: '#game', text: 'tour1' },
  { target: '.view-tabs', text: 'tour2' },
  { target: '#orders', text: 'tour3' },
  { target: '.hud', text: 'tour4' },
  { target: '#lock', text: 'tour5' },
  { target: '#report', text: 'tour6' },
];

/** Whether to open the tour: a player's first match, until it is finished or skipped once. */
export function shouldTour(storage: Pick<Storage, 'getItem'>, role: string): boolean {
  return role === 'player' && storage.getItem(TOUR_KEY) === null;
}

/**
 * A short guided tour over the match screen: a bubble beside each part in turn, with Next and
 * Skip (Esc skips, Enter goes on). Finishing or skipping is remembered.
 */
export function startTour(doc: Document, storage: Pick<Storage, 'setItem'>, onEnd: () => void = () => undefined): void {
  let index = 0;
  const text = h('p', { id: 'tour-text' });
  const count = h('span', { class: 'muted' });
  const next = h('button', { class: 'primary', id: 'tour-next' });
  const skip = h('button', { class: 'secondary', id: 'tour-skip' }, t('tourSkip'));
  // A modal step: the keyboard stays on its two buttons (Tab and Shift+Tab go round) until it ends.
  const bubble = h('div', { class: 'tour', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'tour-text' }, text, h('div', { class: 'row tour-buttons' }, count, skip, next));
  doc.body.append(bubble);
  // Where the keyboard was before the tour: it goes back there, or to the orders if that is gone.
  const before = doc.activeElement as HTMLElement | null;

  const end = () => {
    storage.setItem(TOUR_KEY, '1');
    doc.querySelector('.tour-target')?.classList.remove('tour-target');
    bubble.remove();
    doc.removeEventListener('keydown', onKey);
    const back = before && before !== doc.body && before.isConnected ? before : doc.getElementById('orders');
    back?.focus({ preventScroll: true });
    onEnd();
  };
  const show = () => {
    const step = TOUR_STEPS[index]!;
    doc.querySelector('.tour-target')?.classList.remove('tour-target');
    const target = doc.querySelector<HTMLElement>(step.target);
    target?.classList.add('tour-target');
    target?.scrollIntoView({ block: 'nearest' });
    text.textContent = t(step.text);
    count.textContent = `${index + 1}/${TOUR_STEPS.length}`;
    next.textContent = index === TOUR_STEPS.length - 1 ? t('tourDone') : t('tourNext');
    const box = target?.getBoundingClientRect();
    const view = doc.defaultView!;
    const width = Math.min(340, view.innerWidth - 16);
    bubble.style.width = `${width}px`;
    if (box && box.width > 0) {
      const below = box.bottom + 12 + 170 < view.innerHeight;
      bubble.style.top = `${Math.max(8, below ? box.bottom + 10 : box.top - 180)}px`;
      bubble.style.left = `${Math.min(view.innerWidth - width - 8, Math.max(8, box.left))}px`;
    } else {
      // A part not on screen yet (the orders wait for the match to start): the bubble in the middle.
      bubble.style.top = `${Math.max(8, view.innerHeight / 2 - 90)}px`;
      bubble.style.left = `${Math.max(8, (view.innerWidth - width) / 2)}px`;
    }
    next.focus();
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape') end();
    if (e.key !== 'Tab') return;
    e.preventDefault();
    (doc.activeElement === next ? skip : next).focus();
  };
  next.addEventListener('click', () => {
    index += 1;
    if (index >= TOUR_STEPS.length) end();
    else show();
  });
  skip.addEventListener('click', end);
  doc.addEventListener('keydown', onKey);
  show();
}
