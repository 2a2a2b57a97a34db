import './console.css';
import type { Scenario } from '../../../shared/scenario/types';
import type { PublicReport } from '../../../shared/views/quarterReport';
import { pageTitle, seatName, t, tf } from '../i18n/i18n';
import { placeNames } from '../i18n/places';
import { MatchConnection, type Reply } from '../net/connection';
import { standings, type SeatLike } from '../ui/match/viewModels';
import { chatPanel } from '../ui/match/chatPanel';
import { describeRefusal } from '../ui/refusals';
import { clear, h } from '../ui/dom';
import { controls } from './controls';
import { renderDebrief } from './debrief';
import { forgetKeys, hasKey, heldReport as fetchHeldReport } from './facilitatorApi';
import { drawQr, joinLink } from './qr';
import { keyForm } from './landing';

export { renderSessionForm } from './landing';
import { resultsPanel } from './results';
import { roster } from './roster';

type Tab = { kind: 'match'; index: number } | { kind: 'all' } | { kind: 'debrief' };

const statusText = (s: { status: string; paused: boolean }) =>
  s.paused ? t('fcPaused') : s.status === 'lobby' ? t('fcStatusLobby') : s.status === 'ended' ? t('fcStatusEnded') : t('fcStatusPlanning');

const secondsLeft = (deadline: number) => Math.max(0, Math.round((deadline - Date.now()) / 1000));

/**
 * The facilitator console for one classroom match or a class session's matches: a projector view
 * (join code and QR code, timer, results, teams), the controls, and the debrief. `/console/<id>[,<id>…]`.
 */
export async function renderConsole(root: HTMLElement, matchIds: string[], back: () => void): Promise<void> {
  pageTitle(t('fcTitle'));
  clear(root);
  if (!matchIds.every(hasKey)) {
    root.append(keyForm(matchIds, () => void renderConsole(root, matchIds, back)));
    return;
  }
  root.append(h('p', { class: 'muted' }, '…'));
  let conns: MatchConnection[];
  try {
    conns = await Promise.all(matchIds.map((id) => MatchConnection.open(id, {})));
  } catch (e) {
    // A wrong or stale key: forget it and ask again, saying why.
    if (!String((e as Error).message).includes('INVALID_FACILITATOR_KEY')) throw e;
    forgetKeys(matchIds);
    await renderConsole(root, matchIds, back);
    root.querySelector('main')?.append(h('p', { class: 'error', role: 'alert', id: 'fc-key-error' }, String((e as Error).message)));
    return;
  }
  clear(root);
  let tab: Tab = { kind: 'match', index: 0 };
  const status = h('p', { class: 'status', role: 'status', id: 'fc-status' });
  const say = (reply: Reply) => {
    status.textContent = reply.ok ? '' : `${t('errorPrefix')}: ${describeRefusal(reply.code, reply.message)}`;
    status.className = reply.ok ? 'status' : 'status error';
  };
  const tabs = h('nav', { class: 'fc-tabs' });
  const body = h('div', { class: 'fc-body' });
  const leave = () => void Promise.all(conns.map((c) => c.leave())).finally(() => {
    clearInterval(ticker);
    back();
  });
  root.append(h('div', { class: 'fc-console' }, h('header', { class: 'fc-top' }, h('button', { class: 'secondary', onclick: leave }, t('fcLobby')), h('h1', {}, t('fcTitle')), tabs), h('main', { id: 'main' }, status, body)));

  const drawTabs = () => {
    clear(tabs);
    const button = (label: string, target: Tab, id: string) =>
      h('button', { id, class: JSON.stringify(target) === JSON.stringify(tab) ? 'primary' : 'secondary', onclick: () => ((tab = target), show()) }, label);
    if (conns.length > 1) conns.forEach((c, index) => tabs.append(button(c.state.joinCode || `#${index + 1}`, { kind: 'match', index }, `fc-tab-${index}`)));
    if (conns.length > 1) tabs.append(button(t('fcAll'), { kind: 'all' }, 'fc-tab-all'));
    tabs.append(button(t('fcDebrief'), { kind: 'debrief' }, 'fc-tab-debrief'));
    if (conns.length === 1 && tab.kind === 'debrief') tabs.prepend(button(conns[0]!.state.joinCode, { kind: 'match', index: 0 }, 'fc-tab-0'));
  };

  let redraw: () => void = () => undefined;

  const matchView = (conn: MatchConnection, matchId: string) => {
    const scenario = JSON.parse(conn.state.scenarioJson || '{}') as Partial<Scenario>;
    // Licenses and shocks in the facilitator's language, once the scenario has arrived.
    const words = scenario.shocks ? placeNames(scenario as Scenario, []) : undefined;
    const ctl = controls(conn, say, scenario.shocks?.deck ?? [], words && ((card) => words.headline(card.id, card.headline)));
    const link = joinLink(location.origin, conn.state.joinCode);
    const qr = h('canvas', { id: 'fc-qr', width: 300, height: 300 });
    void drawQr(qr, link, 300);
    const join = h('section', { class: 'card fc-join' }, h('div', { class: 'fc-label' }, t('fcJoinCode')), h('div', { class: 'fc-code', id: 'fc-code' }, conn.state.joinCode), qr, h('div', { class: 'fc-link' }, `${t('fcJoinAt')} ${location.host}`));
    const clock = h('section', { class: 'card fc-clock' });
    const held = h('p', { class: 'fc-held', id: 'fc-held' });
    const dynamic = h('div', { class: 'fc-dynamic' });
    let shownKey = '';
    // A quarter held for a staged reveal: its results, fetched once, for the projector before the release.
    let heldReport: { quarter: number; report: PublicReport } | null = null;
    let fetching = 0;
    clear(body);
    // What the class says, read here (the roster's buttons mute a seat, the controls everyone).
    const chat = conn.state.chatOff ? null : chatPanel(conn, matchId, localStorage, describeRefusal);
    const middle = h('div', { class: 'fc-middle' }, clock, held, dynamic);
    if (chat) middle.append(chat.el);
    body.append(h('div', { class: 'fc-stage' }, join, middle), ctl.el);
    redraw = () => {
      const s = conn.state;
      pageTitle(t('fcTitle'), s.joinCode);
      clear(clock);
      clock.append(
        h('div', { class: 'fc-quarter', id: 'fc-quarter' }, s.quarter > 0 ? `Q${s.quarter}/${s.quarters} · ${s.quarterLabel}` : '—'),
        h('div', { class: `fc-phase${s.paused ? ' paused' : ''}`, id: 'fc-phase' }, statusText(s)),
        h('div', { class: 'fc-timer', id: 'fc-timer-left' }, s.deadline > 0 && !s.paused ? tf('fcSecondsLeft', { n: secondsLeft(s.deadline) }) : s.planningSeconds > 0 ? tf('fcTimerOf', { n: s.planningSeconds }) : t('fcNoTimer')),
      );
      held.hidden = s.resultsHeld === 0;
      held.textContent = tf('fcHeld', { q: s.resultsHeld });
      if (s.resultsHeld > 0 && heldReport?.quarter !== s.resultsHeld && fetching !== s.resultsHeld) {
        const quarter = (fetching = s.resultsHeld);
        fetchHeldReport(matchId, quarter).then(
          (report) => {
            heldReport = { quarter, report };
            redraw();
          },
          (e: unknown) => say({ ok: false, code: 'EXPORT', message: String((e as Error).message) }),
        );
      }
      const showHeld = s.resultsHeld > 0 && heldReport?.quarter === s.resultsHeld;
      const report = showHeld ? heldReport!.report : s.report.quarter > 0 ? s.report.toJSON() : null;
      const names = s.players.map((p) => seatName(p.name));
      // Rebuilt only when what they show changes, so a half-open menu survives the timer's patches.
      const key = JSON.stringify([report, showHeld, s.members.toJSON(), s.status, s.chatOff, s.chatMutedSeats.toArray(), s.players.map((p) => [p.name, p.kind, p.locked, p.autopilot, p.valuation, p.loopsClosed])]);
      if (key !== shownKey) {
        shownKey = key;
        clear(dynamic);
        dynamic.append(h('div', { class: 'fc-columns' }, resultsPanel(report, names, showHeld, words), roster(conn, say)));
      }
      ctl.update();
      drawTabs();
    };
    redraw();
  };

  const allView = () => {
    clear(body);
    const grid = h('div', { class: 'fc-all', id: 'fc-all' });
    body.append(grid);
    redraw = () => {
      clear(grid);
      conns.forEach((c, index) => {
        const s = c.state;
        const seats: SeatLike[] = s.players.toArray();
        const locked = seats.filter((p) => p.locked).length;
        grid.append(
          h(
            'button',
            { class: 'card fc-mini', onclick: () => ((tab = { kind: 'match', index }), show()) },
            h('div', { class: 'fc-code small' }, s.joinCode),
            h('div', { class: 'fc-mini-status' }, s.quarter > 0 ? `Q${s.quarter}/${s.quarters} · ${statusText(s)}` : statusText(s)),
            h('div', { class: 'muted' }, `${locked}/${seats.length} ${t('fcLocked')}`),
            s.resultsHeld ? h('div', { class: 'fc-held' }, tf('fcReveal', { q: s.resultsHeld })) : null,
            s.quarter > 0 ? h('ol', { class: 'fc-standings' }, ...standings(seats, null).map((r) => h('li', {}, h('span', {}, r.name), h('strong', {}, `${r.loops} ⟳ · ${r.valuation}`)))) : null,
          ),
        );
      });
      drawTabs();
    };
    redraw();
  };

  const show = () => {
    redraw = () => drawTabs();
    if (tab.kind === 'match') matchView(conns[tab.index]!, matchIds[tab.index]!);
    else if (tab.kind === 'all') allView();
    else {
      clear(body);
      const box = h('div', {});
      body.append(box);
      void renderDebrief(box, conns.map((c, i) => ({ matchId: matchIds[i]!, title: c.state.joinCode, held: c.state.resultsHeld > 0 ? c.state.resultsHeld : null }))).catch((e: unknown) => say({ ok: false, code: 'DEBRIEF', message: String((e as Error).message) }));
      drawTabs();
    }
  };

  for (const c of conns) c.onChange = () => redraw();
  show();
  const ticker = setInterval(() => {
    const el = document.getElementById('fc-timer-left');
    const conn = tab.kind === 'match' ? conns[tab.index] : undefined;
    if (el && conn && conn.state.deadline > 0 && !conn.state.paused) el.textContent = tf('fcSecondsLeft', { n: secondsLeft(conn.state.deadline) });
  }, 1000);
}
