import type { World } from '../../game/startGame';
import type { Place } from '../../game/views/theme';
import { t } from '../../i18n/i18n';
import { h } from '../dom';
import './zoom.css';

/**
 * The camera's controls beside the canvas: a list of the places the view shown offers (a city, a
 * region, a company's strip) to zoom on with the keyboard, and, while zoomed, a card with the
 * place's details and a way back (the button or Esc). A click on the canvas zooms as well; the
 * card follows either way, and is read out when it changes.
 */
export function zoomControl(canvasBox: HTMLElement, world: () => World | null) {
  const select = h('select', { id: 'zoom-place' }) as HTMLSelectElement;
  const row = h('div', { class: 'zoom-row', hidden: true }, h('label', { for: 'zoom-place' }, t('zoom_label')), select);
  const title = h('h3', { id: 'zoom-title' });
  const list = h('ul');
  const back = h('button', { class: 'secondary', id: 'zoom-back', type: 'button', 'aria-keyshortcuts': 'Escape' }, `${t('zoom_back')} (Esc)`);
  const card = h('section', { class: 'zoom-card', id: 'zoom-card', 'aria-labelledby': 'zoom-title', 'aria-live': 'polite', hidden: true }, title, list, back);
  canvasBox.classList.add('zoomable');
  canvasBox.append(card);
  canvasBox.after(row);

  const out = () => {
    const inside = card.contains(document.activeElement);
    world()?.zoom(null);
    if (inside) select.focus();
  };
  select.addEventListener('change', () => world()?.zoom(select.value || null));
  back.addEventListener('click', out);
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || e.defaultPrevented || card.hidden || document.querySelector('dialog[open], .tour, #sequence-skip:not([hidden])')) return;
    e.preventDefault();
    out();
  };
  document.addEventListener('keydown', onKey);

  let shown = '';
  return {
    /** Hears the canvas (call once it has loaded). */
    attach(w: World): void {
      w.listen({
        places: (places: Place[]) => {
          // The canvas redraws on every change in the room; the list changes only with the view.
          const listed = places.map((p) => `${p.id}\t${p.name}`).join('\n');
          if (listed === shown) return;
          shown = listed;
          const chosen = select.value;
          select.replaceChildren(h('option', { value: '' }, t('zoom_all')), ...places.map((p) => h('option', { value: p.id }, p.name)));
          select.value = places.some((p) => p.id === chosen) ? chosen : '';
          row.hidden = places.length === 0;
        },
        zoom: (place: Place | null, side: 'left' | 'right') => {
          select.value = place?.id ?? '';
          card.hidden = !place;
          card.classList.toggle('left', side === 'left');
          if (!place) return;
          title.textContent = place.name;
          list.replaceChildren(...place.details.map((line) => h('li', {}, line)));
        },
      });
    },
    dispose(): void {
      document.removeEventListener('keydown', onKey);
    },
  };
}
