import type { ViewName } from '../../game/scenes/WorldScene';
import type { MessageKey } from '../../i18n/en';
import { t } from '../../i18n/i18n';
import { h } from '../dom';

/** The canvas's five views, and its text twin as a sixth. */
export type WorldTab = ViewName | 'table';
export const WORLD_TABS: readonly WorldTab[] = ['lanes', 'race', 'map', 'orbit', 'factory', 'table'];

export interface WorldTabs {
  /** The tab list, the canvas's panel and the twin's panel, in that order. */
  tabs: HTMLElement;
  canvasBox: HTMLElement;
  twinBox: HTMLElement;
  current(): WorldTab;
  show(tab: WorldTab): void;
  /** Shows the tab after the current one (round), and returns it. */
  next(): WorldTab;
}

/**
 * The world's view tabs over the canvas and its text twin, after the WAI-ARIA tabs pattern: one
 * Tab stop, arrow keys (and Home, End) move between the tabs and select. The twin takes the
 * canvas's place while its tab is selected. `onView` shows a canvas view. Ids are prefixed so a
 * page can hold the match's and the replay's apart.
 */
export function worldTabs(ids: { canvas: string; twin: string; tab: string }, onView: (view: ViewName) => void): WorldTabs {
  let view: WorldTab = 'lanes';
  const tabId = (v: WorldTab) => `${ids.tab}-${v}`;
  const canvasBox = h('div', { id: ids.canvas, class: 'lanes', role: 'tabpanel', 'aria-labelledby': tabId('lanes'), tabindex: -1 });
  // A Tab stop of its own (tabindex 0, as the WAI-ARIA tabs pattern has it for a panel without
  // controls): its tables scroll inside it, and the keyboard must be able to scroll them.
  const twinBox = h('div', { id: ids.twin, class: 'world-table', role: 'tabpanel', 'aria-labelledby': tabId('table'), tabindex: 0, hidden: true });
  const tabs = h(
    'div',
    { class: 'tabs view-tabs', role: 'tablist', 'aria-label': t('viewTabs') },
    ...WORLD_TABS.map((v) =>
      h(
        'button',
        { class: v === view ? 'tab active' : 'tab', role: 'tab', id: tabId(v), 'aria-controls': v === 'table' ? ids.twin : ids.canvas, tabindex: v === view ? 0 : -1, 'data-view': v, 'aria-selected': String(v === view), onclick: () => show(v) },
        t(`view_${v}` as MessageKey),
      ),
    ),
  );
  const show = (v: WorldTab) => {
    view = v;
    for (const b of tabs.querySelectorAll('button')) {
      const on = b.dataset.view === v;
      b.classList.toggle('active', on);
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    }
    if (v !== 'table') canvasBox.setAttribute('aria-labelledby', tabId(v));
    twinBox.hidden = v !== 'table';
    canvasBox.classList.toggle('behind-table', v === 'table');
    if (v !== 'table') onView(v);
  };
  tabs.addEventListener('keydown', (e) => {
    const at = WORLD_TABS.indexOf(view);
    const n = WORLD_TABS.length;
    const to = e.key === 'ArrowRight' ? (at + 1) % n : e.key === 'ArrowLeft' ? (at + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    show(WORLD_TABS[to]!);
    tabs.querySelector<HTMLElement>(`[data-view="${WORLD_TABS[to]}"]`)?.focus();
  });
  return {
    tabs,
    canvasBox,
    twinBox,
    current: () => view,
    show,
    next: () => {
      const to = WORLD_TABS[(WORLD_TABS.indexOf(view) + 1) % WORLD_TABS.length]!;
      show(to);
      return to;
    },
  };
}
