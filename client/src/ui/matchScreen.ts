import type { Orders } from '../../../shared/domain/orders';
import type { Scenario } from '../../../shared/scenario/types';
import type { MessageKey } from '../i18n/en';
import { money, number, t } from '../i18n/i18n';
import { MatchConnection, type JoinIntent, type Reply } from '../net/connection';
import { simpleSheet, type Budgets } from '../orders/simpleSheet';
import type { PublicReport, SeatReport } from '../../../shared/views/quarterReport';
import { describeRefusal } from './refusals';
import { reportPanel } from './reportPanel';
import { renderResultsChart } from './resultsChart';
import { clear, h } from './dom';

type Lanes = { update(lines: Record<string, { strength: number; closed: number | null }>): void; destroy(): void };

/**
 * The match screen: header (quarter, timer, money), the lanes canvas (Phaser, loaded on demand),
 * the orders panel (simple mode) and the table of players. Everything is redrawn from the
 * room's state; commands go through the connection.
 */
export async function renderMatch(root: HTMLElement, matchId: string, intent: JoinIntent, back: () => void): Promise<void> {
  clear(root);
  root.append(h('p', { class: 'muted' }, '…'));
  const conn = await MatchConnection.open(matchId, intent);
  clear(root);

  let leaving = () => undefined as void;
  const header = h('header', { class: 'hud' });
  const canvasBox = h('div', { id: 'game', class: 'lanes' });
  const panel = h('section', { class: 'card orders', id: 'orders' });
  const players = h('section', { class: 'card players', id: 'players' });
  const report = h('section', { class: 'card report', id: 'report' });
  const status = h('p', { class: 'status', role: 'status', id: 'status' });
  root.append(h('div', { class: 'match' }, header, h('div', { class: 'board' }, canvasBox, panel), status, h('div', { class: 'below' }, players, report)));

  let lanes: Lanes | null = null;
  void import('../game/startGame').then(({ startLanes }) => {
    lanes = startLanes(canvasBox, {
      robotaxi: t('robotaxi'),
      robots: t('robots'),
      satellites: t('satellites'),
      shared: t('chipsAndAi'),
      closed: t('closedIn'),
    });
    draw();
  });

  const budgets: Budgets = { chips: 300, ai: 800, robotaxi: 1000, robots: 1000, satellites: 500 };
  const permits = new Set<string>();
  const bids: Record<string, number> = {};
  let scenario: Scenario | null = null;
  let shownQuarter = -1;
  let endedShown = false;

  const say = (reply: Reply) => {
    status.textContent = reply.ok ? '' : `${t('errorPrefix')}: ${describeRefusal(reply.code, reply.message)}`;
    status.className = reply.ok ? 'status' : 'status error';
  };

  const me = () => (conn.seat === null ? null : conn.state.players?.[conn.seat]);
  const books = () => JSON.parse(me()?.booksJson || '{}');

  const sheet = (): Orders => {
    const b = books();
    const s = conn.state;
    const prices = JSON.parse(me()?.ordersJson || '{}') as Orders;
    return simpleSheet(
      budgets,
      {
        chips: b.chips ?? 0,
        robotLines: b.robots?.lines ?? 0,
        robotLinesBuilding: (b.robots?.linesBuilding ?? []).reduce((n: number, x: { count: number }) => n + x.count, 0),
        plants: b.robots?.plants ?? 0,
        plantsBuilding: (b.robots?.plantsBuilding ?? []).reduce((n: number, x: { count: number }) => n + x.count, 0),
        robotsDeployed: b.robots?.deployed ?? 0,
        lastChipPriceUsd: s.foundryPriceUsd || null,
        quarter: s.quarter,
        computeCostUsd: scenario!.chips.generations[b.tech?.chipGeneration ?? 0]!.computeCostUsd,
        permitsHeld: b.robotaxi?.permits?.length ?? 0,
        licensesHeld: b.satellites?.licenses?.length ?? 0,
      },
      {
        permits: [...permits],
        spectrumBids: bids,
        prices: { ridePriceUsd: prices.ridePriceUsd, robotPriceUsd: prices.robotPriceUsd, subscriptionPriceUsd: prices.subscriptionPriceUsd },
      },
      scenario!,
    );
  };

  const submitAndLock = async () => {
    const q = conn.state.quarter;
    const orders = JSON.parse(JSON.stringify(sheet())) as Orders;
    const saved = await conn.send({ type: 'SubmitOrders', data: { seat: conn.seat!, quarter: q, orders } });
    say(saved);
    if (saved.ok) say(await conn.send({ type: 'LockOrders', data: { seat: conn.seat!, quarter: q } }));
  };

  const slider = (key: keyof Budgets, label: string) => {
    const out = h('output', {}, money(budgets[key] * 1e6));
    const input = h('input', { type: 'range', min: 0, max: 6000, step: 50, value: budgets[key], 'aria-label': label, 'data-budget': key });
    input.addEventListener('input', () => {
      budgets[key] = Number(input.value);
      out.textContent = money(budgets[key] * 1e6);
      totals();
    });
    return h('label', { class: 'slider' }, h('span', {}, label), input, out);
  };
  const committedBox = h('p', { class: 'totals', id: 'totals' });
  const totals = () => {
    const cash = me()?.cash ?? 0;
    const spend = Object.values(budgets).reduce((a, b) => a + b, 0) * 1e6 + Object.values(bids).reduce((a, b) => a + b, 0) * 1e6;
    committedBox.textContent = `${t('committed')}: ${money(spend)} · ${t('available')}: ${money(cash)}`;
    committedBox.className = spend > cash ? 'totals over' : 'totals';
  };

  /** Sensible defaults: last quarter's budgets, scaled down when they no longer fit the cash. */
  const fitBudgets = () => {
    const cashM = (me()?.cash ?? 0) / 1e6;
    const total = Object.values(budgets).reduce((a, b) => a + b, 0);
    if (total <= cashM * 0.8 || total === 0) return;
    const factor = (cashM * 0.8) / total;
    for (const key of Object.keys(budgets) as Array<keyof Budgets>) budgets[key] = Math.floor((budgets[key] * factor) / 50) * 50;
  };

  const drawPanel = () => {
    clear(panel);
    const s = conn.state;
    fitBudgets();
    if (s.status === 'ended') {
      panel.append(
        h('h2', {}, t('matchEnded')),
        h('ol', { id: 'ranking' }, ...[...s.ranking].map((seat: number) => h('li', {}, `${s.players[seat]?.name} · ${money(s.players[seat]?.valuation ?? 0)}`))),
      );
      const charts = h('div', { class: 'charts' });
      panel.append(charts);
      void renderResultsChart(charts, matchId);
      return;
    }
    if (conn.role !== 'player') {
      panel.append(h('h2', {}, conn.role === 'facilitator' ? t('facilitator') : t('spectator')));
      if (conn.role === 'facilitator') {
        panel.append(
          h('button', { onclick: async () => say(await conn.send({ type: 'StartMatch', data: {} })) }, t('start')),
          h('button', { onclick: async () => say(await conn.send(s.paused ? { type: 'ResumeMatch', data: {} } : { type: 'PauseMatch', data: {} })) }, s.paused ? t('resume') : t('pause')),
          h('button', { onclick: async () => say(await conn.send({ type: 'EndPlanning', data: { quarter: s.quarter } })) }, t('advance')),
        );
      }
      return;
    }
    const market = JSON.parse(s.marketJson || '{}') as { permits?: Record<string, number[]>; licenses?: Record<string, { holder: number | null; auctionQuarter: number | null }> };
    const autonomy = books().tech?.autonomy ?? 0;
    const cityBoxes = scenario!.robotaxi.cities.map((c) => {
      const held = market.permits?.[c.id]?.includes(conn.seat!) ?? false;
      const full = (market.permits?.[c.id]?.length ?? 0) >= c.permitSlots;
      const box = h('input', { type: 'checkbox', 'data-city': c.id, disabled: held || full, checked: permits.has(c.id) || held });
      box.addEventListener('change', () => (box.checked ? permits.add(c.id) : permits.delete(c.id)));
      return h('label', { class: 'inline', title: `min U ${c.minAutonomy} · U ${number(autonomy, 1)}` }, box, ` ${c.name}`);
    });
    const forSale = scenario!.satellites.licenses.filter((l) => market.licenses?.[l.id]?.holder === null && market.licenses?.[l.id]?.auctionQuarter === s.quarter);
    const bidInputs = forSale.map((l) => {
      const input = h('input', { type: 'number', min: 0, step: 100, value: bids[l.id] ?? 0, 'data-license': l.id, placeholder: String(l.reserveM) });
      input.addEventListener('input', () => {
        bids[l.id] = Number(input.value) || 0;
        totals();
      });
      return h('label', {}, `${l.id} (≥ ${number(l.reserveM)})`, input);
    });
    const locked = me()?.locked === true;
    panel.append(
      ...[
      h('h2', {}, t('orders')),
      slider('chips', t('chipsRnD')),
      slider('ai', t('aiTraining')),
      slider('robotaxi', t('robotaxi')),
      slider('robots', t('robots')),
      slider('satellites', t('satellites')),
      h('fieldset', {}, h('legend', {}, t('applyPermits')), ...cityBoxes),
      bidInputs.length ? h('fieldset', {}, h('legend', {}, t('spectrumBids')), ...bidInputs) : null,
      committedBox,
      locked
        ? h('button', { id: 'unlock', onclick: async () => say(await conn.send({ type: 'UnlockOrders', data: { seat: conn.seat!, quarter: s.quarter } })) }, `${t('locked')} · ${t('unlock')}`)
        : h('button', { id: 'lock', class: 'primary', onclick: () => void submitAndLock(), disabled: s.status !== 'planning' || s.paused }, t('lock')),
      ].filter((x): x is NonNullable<typeof x> => x !== null),
    );
    totals();
  };

  const draw = () => {
    const s = conn.state;
    if (!s || s.players === undefined) return;
    if (!scenario && s.scenarioJson) scenario = JSON.parse(s.scenarioJson) as Scenario;
    if (!scenario) return;
    const mine = me();
    clear(header);
    header.append(
      ...[
      h('button', { class: 'secondary', onclick: () => void conn.leave().then(() => (leaving(), back())) }, t('back')),
      h('strong', { id: 'quarter' }, `${t('quarter')} ${s.quarter}/${s.quarters} · ${s.quarterLabel}`),
      s.paused ? h('span', { class: 'badge' }, t('paused')) : null,
      s.deadline > 0 ? h('span', { id: 'timer' }, `${t('timeLeft')} ${Math.max(0, Math.round((s.deadline - Date.now()) / 1000))} s`) : null,
      mine ? h('span', {}, `${t('cash')} ${money(mine.cash ?? 0)}`) : null,
      mine ? h('span', {}, `${t('valuation')} ${money(mine.valuation)}`) : null,
      h('code', {}, s.joinCode),
      ].filter((x): x is NonNullable<typeof x> => x !== null),
    );
    const showResults = s.status === 'ended' && !endedShown;
    if (showResults || (s.status !== 'ended' && (s.quarter !== shownQuarter || panel.childElementCount === 0))) {
      shownQuarter = s.quarter;
      endedShown = s.status === 'ended';
      drawPanel();
    }
    const lockButton = panel.querySelector('#lock, #unlock');
    if (mine && lockButton && (lockButton.id === 'unlock') !== (mine.locked === true)) drawPanel();

    clear(players);
    players.append(
      h('h2', {}, t('players')),
      h(
        'table',
        {},
        ...[...s.players].map((p: any) =>
          h(
            'tr',
            { class: p.seat === conn.seat ? 'me' : '' },
            h('td', {}, p.name || '—'),
            h('td', {}, p.kind === 'bot' ? `${t('bot')} · ${t(`strategy_${p.strategy}` as MessageKey)}` : p.connected ? '●' : '○'),
            h('td', {}, money(p.valuation)),
            h('td', {}, `${p.loopsClosed} ⟳`),
            h('td', {}, p.locked ? t('locked') : ''),
          ),
        ),
      ),
    );
    clear(report);
    const names = [...s.players].map((p: any) => p.name as string);
    const pub = s.reportJson ? (JSON.parse(s.reportJson) as PublicReport) : null;
    const own = mine?.reportJson ? (JSON.parse(mine.reportJson) as SeatReport) : null;
    report.append(h('h2', {}, s.status === 'ended' ? t('matchEnded') : t('report')), reportPanel(pub, own, names, conn.seat));
    if (s.status === 'ended' && s.winner >= 0) report.append(h('p', { id: 'winner', class: 'winner' }, `${t('winner')}: ${s.players[s.winner]?.name}`));
    const focus = mine ?? s.players[0];
    if (lanes && focus) lanes.update(JSON.parse(focus.loopsJson || '{}'));
  };

  conn.onChange = draw;
  conn.onConnection = (up) => {
    const banner = document.getElementById('banner')!;
    banner.hidden = up;
    banner.textContent = up ? '' : t('connectionLost');
  };
  draw();
  const ticker = setInterval(() => {
    const timer = document.getElementById('timer');
    if (timer && conn.state.deadline > 0) timer.textContent = `${t('timeLeft')} ${Math.max(0, Math.round((conn.state.deadline - Date.now()) / 1000))} s`;
  }, 1000);
  leaving = () => {
    clearInterval(ticker);
    lanes?.destroy();
  };
}
