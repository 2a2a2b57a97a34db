import type { GameEvent } from '../../../shared/domain/events';
import type { GameState } from '../../../shared/domain/state';
import { LINES } from '../../../shared/scenario/types';
import { viewFor } from '../../../shared/views/viewFor';
import { publicReport, quarterEvents } from '../../../shared/views/quarterReport';
import { money, number, seatName, t } from '../i18n/i18n';
import { h } from '../ui/dom';
import { placeNames } from '../i18n/places';
import { reportPanel, type ReportNames } from '../ui/reportPanel';
import { quarterSentence } from '../ui/match/announcements';
import { momentsOf } from '../ui/match/moments';

type Fact = GameEvent;

export function namesOf(state: GameState): ReportNames {
  return placeNames(state.scenario, state.seats.map((s) => s.name || `#${s.index + 1}`));
}

/** Everyone's public numbers at this point of the replay: what markets and regulators publish. */
export function playersTable(state: GameState): HTMLElement {
  const view = viewFor(state, { role: 'spectator' });
  const ranking = state.result?.ranking ?? [];
  const head = h(
    'tr',
    {},
    ...[t('replayPlayer'), t('replayValuation'), t('replayLoops'), t('replayChips'), t('replayCars'), t('replayRobotsDeployed'), t('replaySatellites'), t('replayPermits'), t('replayLicenses')].map((c) => h('th', {}, c)),
  );
  const rows = view.players.map((p) => {
    const loops = LINES.map((line) => {
      const loop = p.loops[line];
      const closed = loop.closedQuarter !== null;
      return h('span', { class: `loop-chip${closed ? ' closed' : ''}`, title: `${t(line)}: ${Math.round(loop.strength * 100)}%` }, `${closed ? '⟳' : '○'} ${t(line)} ${Math.round(loop.strength * 100)}%`);
    });
    return h(
      'tr',
      { class: state.result?.winner === p.seat ? 'winner-row' : '', 'data-seat': p.seat },
      h('td', {}, `${ranking.length ? `${ranking.indexOf(p.seat) + 1}. ` : ''}${p.name ? seatName(p.name) : `#${p.seat + 1}`}`),
      h('td', { class: 'num valuation' }, money(p.valuation)),
      h('td', { class: 'loops' }, ...loops),
      h('td', {}, p.chipGeneration),
      h('td', { class: 'num' }, number(p.cars)),
      h('td', { class: 'num' }, number(p.robotsDeployed)),
      h('td', { class: 'num' }, number(p.satellites)),
      h('td', { class: 'num' }, String(p.permits.length)),
      h('td', { class: 'num' }, String(p.licenses.length)),
    );
  });
  return h('table', { id: 'replay-players' }, h('thead', {}, head), h('tbody', {}, ...rows));
}

/** The public markets: the foundry's last clearing price, who holds which license and permit. */
export function marketsCard(state: GameState): HTMLElement {
  const names = namesOf(state);
  const who = (seat: number | null) => (seat === null ? t('replayNobody') : names.seats[seat] ?? `#${seat}`);
  const price = state.foundry?.clearingPriceUsd;
  const licenses = Object.entries(state.licenses).map(([id, l]) => h('li', {}, `${names.license(id)}: ${l.holder === null ? t('replayUnsold') : `${who(l.holder)} (${money(l.pricePaid)})`}`));
  const permits = Object.entries(state.permits).map(([city, seats]) => h('li', {}, `${names.city(city)}: ${seats.length ? seats.map(who).join(', ') : t('replayNobody')}`));
  return h(
    'div',
    { id: 'replay-markets' },
    h('p', {}, `${t('replayFoundryPrice')}: `, h('strong', {}, price === null || price === undefined ? '—' : money(price))),
    h('h3', {}, t('replayLicenseHolders')),
    h('ul', { class: 'compact' }, ...licenses),
    h('h3', {}, t('replayPermitHolders')),
    h('ul', { class: 'compact' }, ...permits),
  );
}

/** The public report of the last quarter resolved at this point, drawn by the match screen's panel. */
/** What a spectator hears when the replay reaches a quarter's resolution: the same sentence a player hears, without books. */
export function replaySentence(state: GameState, events: readonly Fact[], quarter: number): string {
  const pub = publicReport(quarter, quarterEvents(events, quarter));
  const names = namesOf(state);
  return quarterSentence(pub, null, names, momentsOf(pub, null, null, names).map((m) => m.text));
}

export function reportCard(state: GameState, events: readonly Fact[], quarter: number | null): HTMLElement {
  const pub = quarter !== null && quarter >= 1 ? publicReport(quarter, quarterEvents(events, quarter)) : null;
  return reportPanel(pub, null, namesOf(state), null);
}
