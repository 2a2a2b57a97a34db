import type { GameState } from '../../../shared/domain/state';
import { perLine } from '../../../shared/scenario/types';
import { viewFor } from '../../../shared/views/viewFor';
import type { World } from '../game/startGame';
import { worldModel, type RoomLike } from '../game/worldModel';
import { t } from '../i18n/i18n';
import { h, setChildren } from '../ui/dom';
import { twinWords, worldWords } from '../ui/match/worldWords';
import { worldTabs } from '../ui/match/worldTabs';
import { renderTwin, worldTwin } from '../ui/match/worldTwin';
import { quarterSequence } from '../ui/match/quarterSequence';
import { zoomControl } from '../ui/match/zoomControl';
import { motionButton } from '../ui/match/momentBanner';
import { soundControl } from '../ui/match/soundControl';
import type { PublicReport } from '../../../shared/views/quarterReport';
import type { ReportNames } from '../ui/reportPanel';

/**
 * The room-shaped facts the match screen's world canvas reads, from a replayed state and the
 * report of its last resolved quarter. A replay is of a finished match, whose books are open to
 * everyone, so each seat's books come along.
 */
export function roomOf(state: GameState, report: PublicReport | null = null): RoomLike {
  const view = viewFor(state, { role: 'spectator' });
  return {
    quarter: state.quarter,
    report,
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
  /** Draws the state, with the last resolved quarter's public report (null before the first). */
  update(state: GameState, focusSeat: number, report: PublicReport | null): void;
  /** Plays a quarter's resolution over the canvas, at the replay's speed. */
  playQuarter(pub: PublicReport, names: ReportNames, speed: number): void;
  destroy(): void;
}

/** The match screen's world canvas (lines, cities, orbit, factory) and its text twin, read-only, loaded on demand. */
export function replayWorld(): ReplayWorld {
  let world: World | null = null;
  let destroyed = false;
  let last: { state: GameState; focusSeat: number; report: PublicReport | null } | null = null;
  // The same tabs as the match's: four canvas views and the world as tables.
  const views = worldTabs({ canvas: 'replay-canvas', twin: 'replay-table', tab: 'rp-view' }, (v) => world?.show(v));
  // The canvas's motion can be paused here as in a match (orbits stand still, sequences fade),
  // and its sound set (the same remembered volume and mute as in a match).
  let paused = false;
  const sound = soundControl(localStorage, window.matchMedia('(pointer: coarse)').matches, () => world);
  const pause = h('div', { class: 'row replay-motion' });
  const drawPause = (focus?: string) => {
    setChildren(pause, [
      motionButton(paused, (now) => {
        paused = now;
        world?.pauseMotion(now);
        drawPause('#motion');
      }),
      sound.element,
    ]);
    if (focus) pause.querySelector<HTMLElement>(focus)?.focus();
  };
  drawPause();
  const element = h('div', { class: 'world' }, h('div', { class: 'row replay-world-head' }, views.tabs, pause), views.canvasBox, views.twinBox);
  // A quarter played out over the canvas, with Skip; the focus goes back to the tabs after a skip.
  const sequence = quarterSequence(views.canvasBox, () => world, () => views.tabs.querySelector('[aria-selected="true"]'));
  const zoom = zoomControl(views.canvasBox, () => world);
  const draw = () => {
    if (!last) return;
    const room = roomOf(last.state, last.report);
    const model = worldModel(room, last.state.scenario, last.focusSeat, worldWords().model);
    world?.update(model);
    renderTwin(views.twinBox, worldTwin(model, room.players, last.state.scenario.loop.qualifyingQuarters, twinWords(), null));
  };
  void import('../game/startGame').then(({ startWorld }) => {
    if (destroyed) return;
    world = startWorld(views.canvasBox, worldWords(), t('loading'));
    sound.applyTo(world);
    zoom.attach(world);
    const shown = views.current();
    if (shown !== 'table') world.show(shown);
    draw();
  });
  return {
    element,
    playQuarter(pub, names, speed) {
      sequence.play(pub, names, speed, () => undefined);
    },
    update(state, focusSeat, report) {
      last = { state, focusSeat, report };
      draw();
    },
    destroy() {
      destroyed = true;
      sequence.dispose();
      zoom.dispose();
      world?.destroy();
      world = null;
    },
  };
}
