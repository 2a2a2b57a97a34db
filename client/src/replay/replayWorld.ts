import type { GameState } from '../../../shared/domain/state';
import { perLine } from '../../../shared/scenario/types';
import { viewFor } from '../../../shared/views/viewFor';
import type { ViewName } from '../game/scenes/WorldScene';
import type { World } from '../game/startGame';
import { worldModel, type RoomLike } from '../game/worldModel';
import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { worldWords } from '../ui/match/worldWords';

const VIEWS: ViewName[] = ['lanes', 'city', 'orbit', 'factory'];

/**
 * The room-shaped facts the match screen's world canvas reads, from a replayed state. A replay is
 * of a finished match, whose books are open to everyone, so each seat's books come along.
 */
export function roomOf(state: GameState): RoomLike {
  const view = viewFor(state, { role: 'spectator' });
  return {
    quarter: state.quarter,
    foundryPriceUsd: state.foundry?.clearingPriceUsd ?? 0,
    permits: Object.fromEntries(Object.entries(state.permits).map(([city, holders]) => [city, { holders }])),
    licenses: Object.fromEntries(
      Object.entries(state.licenses).map(([id, l]) => [id, { pricePaid: l.pricePaid, ...(l.holder === null ? {} : { holder: l.holder }), ...(l.auctionQuarter === null ? {} : { auctionQuarter: l.auctionQuarter }) }]),
    ),
    players: view.players.map((p) => {
      const books = state.players[p.seat];
      const loops = perLine((l) => ({ strength: p.loops[l].strength, streak: p.loops[l].streak, ...(p.loops[l].closedQuarter === null ? {} : { closedQuarter: p.loops[l].closedQuarter }) }));
      return {
        seat: p.seat,
        name: p.name,
        cars: p.cars,
        robotsDeployed: p.robotsDeployed,
        satellites: p.satellites,
        chipGeneration: p.chipGeneration,
        permits: p.permits,
        licenses: p.licenses,
        loops,
        ...(books ? { own: { books: { tech: books.tech, chips: books.chips, robots: books.robots } } } : {}),
      };
    }),
  };
}

export interface ReplayWorld {
  element: HTMLElement;
  update(state: GameState, focusSeat: number): void;
  destroy(): void;
}

/** The match screen's world canvas (lines, cities, orbit, factory), read-only, loaded on demand. */
export function replayWorld(): ReplayWorld {
  const box = h('div', { id: 'replay-canvas', class: 'lanes' });
  let world: World | null = null;
  let destroyed = false;
  let last: { state: GameState; focusSeat: number } | null = null;
  let view: ViewName = 'lanes';
  const tabs = h(
    'div',
    { class: 'tabs view-tabs', role: 'tablist' },
    ...VIEWS.map((v) => h('button', { class: v === view ? 'tab active' : 'tab', role: 'tab', 'data-view': v, onclick: () => show(v) }, t(`view_${v}` as MessageKey))),
  );
  const show = (v: ViewName) => {
    view = v;
    for (const b of tabs.querySelectorAll('button')) b.classList.toggle('active', b.dataset.view === v);
    world?.show(v);
  };
  const draw = () => {
    if (!world || !last) return;
    const words = worldWords();
    world.update(worldModel(roomOf(last.state), last.state.scenario, last.focusSeat, words.model));
  };
  void import('../game/startGame').then(({ startWorld }) => {
    if (destroyed) return;
    world = startWorld(box, worldWords(), t('loading'));
    world.show(view);
    draw();
  });
  return {
    element: h('div', { class: 'world' }, tabs, box),
    update(state, focusSeat) {
      last = { state, focusSeat };
      draw();
    },
    destroy() {
      destroyed = true;
      world?.destroy();
      world = null;
    },
  };
}
