import type { Orders } from '../../../shared/domain/orders';
import type { BotDifficulty, BotStrategy } from '../../../shared/domain/ids';
import type { Scenario } from '../../../shared/scenario/types';
import type { World } from '../game/startGame';
import { worldModel } from '../game/worldModel';
import type { MessageKey } from '../i18n/en';
import { money, pageTitle, seatName, t, tf } from '../i18n/i18n';
import { api } from '../net/api';
import { MatchConnection, type JoinIntent, type Reply } from '../net/connection';
import { watchField, watchTree } from '../net/watchTree';
import type { OwnBooks } from '../orders/projection';
import { clear, h, redrawKeepingFocus, setChildren } from './dom';
import { placeNames } from '../i18n/places';
import { confirmLeave } from './match/leaveDialog';
import { newDraft, renderOrders, type OrdersContext } from './match/ordersPanel';
import { shouldTour, startTour } from './match/tour';
import { closedText, hudItems, standings, type SeatLike } from './match/viewModels';
import { twinWords, worldWords } from './match/worldWords';
import { renderTwin, worldTwin } from './match/worldTwin';
import { quarterSequence } from './match/quarterSequence';
import { zoomControl } from './match/zoomControl';
import { worldTabs } from './match/worldTabs';
import { describeRefusal } from './refusals';
import { reportPanel } from './reportPanel';
import { loopStanding } from './match/standing';
import { loopsSentence, quarterSentence, timerWarning } from './match/announcements';
import { soldOut } from '../../../shared/rules/markets/foundryAuction';
import { momentAnnouncer, motionButton } from './match/momentBanner';
import { soundControl } from './match/soundControl';
import { renderResultsChart } from './resultsChart';
import { installTapTips, tip } from './tooltip';
import { installShortcuts, openShortcutHelp } from './match/shortcuts';
import { delayNote } from '../replay/delayNote';
import { chatPanel } from './match/chatPanel';
import { rankedResult } from './match/rankedResult';

const sumBuilds = (builds: Array<{ count: number }> | undefined) => (builds ?? []).reduce((n, b) => n + b.count, 0);

/**
 * The match screen: the header's figures, the world canvas (Phaser, loaded on demand) with its four
 * views, the orders panel, the players' standing and last quarter's report. Everything is redrawn
 * from the room's state; commands go through the connection.
 */
/** `back` goes to the lobby, or to `path` (the profile, the queue again) once the match is left. */
export async function renderMatch(root: HTMLElement, matchId: string, intent: JoinIntent, back: (path?: string) => void): Promise<void> {
  clear(root);
  root.append(h('p', { class: 'muted' }, '…'));
  const conn = await MatchConnection.open(matchId, intent);
  clear(root);
  installTapTips();

  let leaving = () => undefined as void;
  // A player leaving a match still being played is told first what becomes of their seat.
  const leaveMatch = async (path?: string) => {
    const playing = conn.role === 'player' && conn.state.status !== 'ended' && conn.state.status !== 'lobby';
    if (playing && !(await confirmLeave(root))) return;
    await conn.leave();
    leaving();
    back(path);
  };
  const header = h('header', { class: 'hud' });
  const chat = chatPanel(conn, matchId, localStorage, describeRefusal);
  // The world's view tabs over the canvas (a skip link's target) and its text twin (worldTabs.ts).
  const views = worldTabs({ canvas: 'game', twin: 'world-table', tab: 'view' }, (v) => world?.show(v));
  const { tabs, canvasBox, twinBox } = views;
  const heading = h('h1', { class: 'sr-only', id: 'match-heading' });
  // Skip links: the first Tab stops of the page, shown when focused. They move the focus
  // themselves (the address stays the match's, for a reload).
  const skip = (target: string, label: MessageKey) =>
    h('a', {
      href: `#${target}`,
      onclick: (e: Event) => {
        e.preventDefault();
        const el = document.getElementById(target);
        el?.focus();
        el?.scrollIntoView({ block: 'nearest' });
      },
    }, t(label));
  const skips = h('nav', { class: 'skip-links', 'aria-label': t('skipLinks') }, skip('orders', 'skipToOrders'), skip('game', 'skipToWorld'), skip('report', 'skipToReport'));
  const panel = h('section', { class: 'card orders', id: 'orders', tabindex: -1 });
  const players = h('section', { class: 'card players', id: 'players' });
  const report = h('section', { class: 'card report', id: 'report', tabindex: -1 });
  // The sheet's status for the eye; a refusal is also said at once (#alarm), a lock politely.
  const status = h('p', { class: 'status', id: 'status' });
  const alarm = h('p', { class: 'sr-only', id: 'alarm', role: 'alert' });
  // The quarter's moments for the eye; the ear hears them in the quarter's sentence (#announce).
  const momentBox = h('div', { class: 'moments', id: 'moments', hidden: true });
  // Said, not shown: a quarter's end with its moments, the timer running low, the connection (announcements.ts).
  const spoken = h('p', { class: 'sr-only', id: 'announce', role: 'status', 'aria-live': 'polite' });
  const speak = (text: string) => {
    spoken.textContent = text;
  };
  // Landmarks: the skip links, the header's figures (banner), the world and the orders (main), the standing and the report (complementary).
  root.append(
    h(
      'div',
      { class: 'match' },
      skips,
      header,
      h('main', { id: 'main' }, heading, spoken, alarm, momentBox, h('div', { class: 'board' }, h('div', { class: 'world' }, tabs, canvasBox, twinBox), panel)),
      h('aside', { class: 'below', 'aria-label': t('asideLabel') }, players, chat.el, report),
    ),
  );
  const sound = soundControl(localStorage, window.matchMedia('(pointer: coarse)').matches, () => world);
  let motionPaused = false;
  let quarterMoments: string[] = [];
  // A quarter's moments show (and the canvas celebrates) once its sequence has played out.
  let heldMoments: ((celebrateToo: boolean) => void) | null = null;
  const announce = momentAnnouncer(momentBox, (kind) => world?.celebrate(kind), (said) => (quarterMoments = said), (show) => (heldMoments = show));
  const sequence = quarterSequence(canvasBox, () => world, () => panel);
  const zoom = zoomControl(canvasBox, () => world);

  let world: World | null = null;
  void import('../game/startGame').then(({ startWorld }) => {
    world = startWorld(canvasBox, worldWords(), t('loading'));
    sound.applyTo(world);
    zoom.attach(world);
    const shown = views.current();
    if (shown !== 'table') world.show(shown);
    draw();
  });

  const draft = newDraft(localStorage);
  let scenario: Scenario | null = null;
  let shownQuarter = -1;
  let endedShown = false;
  let toured = false;

  const say = (reply: Reply) => {
    status.textContent = reply.ok ? '' : `${t('errorPrefix')}: ${describeRefusal(reply.code, reply.message)}`;
    status.className = reply.ok ? 'status' : 'status error';
    alarm.textContent = status.textContent;
  };
  const me = () => (conn.seat === null ? null : conn.state.players?.[conn.seat]);
  const books = (): OwnBooks => me()?.own?.books?.toJSON() ?? {};

  /** The sheet as plain data for the wire (no drafts' prototypes or undefined fields). */
  const plainSheet = (orders: Orders) => JSON.parse(JSON.stringify(orders)) as Orders;

  // Every change to the sheet is saved (a moment after the last one): when the timer runs out
  // the engine plays the last saved sheet, so what the player sees is what is played.
  let saving: number | undefined;
  const save = (orders: Orders) => {
    window.clearTimeout(saving);
    const q = conn.state.quarter;
    const sheet = plainSheet(orders);
    saving = window.setTimeout(async () => {
      if (conn.state.quarter !== q || me()?.locked) return;
      const saved = await conn.send({ type: 'SubmitOrders', data: { seat: conn.seat!, quarter: q, orders: sheet } });
      if (!saved.ok) return say(saved);
      status.textContent = t('sheetSaved');
      status.className = 'status saved';
    }, 500);
  };

  const lock = async (orders: Orders) => {
    window.clearTimeout(saving);
    const q = conn.state.quarter;
    const saved = await conn.send({ type: 'SubmitOrders', data: { seat: conn.seat!, quarter: q, orders: plainSheet(orders) } });
    say(saved);
    if (!saved.ok) return;
    const locked = await conn.send({ type: 'LockOrders', data: { seat: conn.seat!, quarter: q } });
    say(locked);
    if (locked.ok) speak(t('sayLocked'));
  };

  /** Sensible defaults: last quarter's budgets, scaled down when they no longer fit the cash. */
  const fitBudgets = () => {
    const cashM = (me()?.own?.cash ?? 0) / 1e6;
    const b = draft.budgets;
    const total = Object.values(b).reduce((x, y) => x + y, 0);
    if (total <= cashM * 0.8 || total === 0) return;
    const factor = (cashM * 0.8) / total;
    for (const key of Object.keys(b) as Array<keyof typeof b>) b[key] = Math.floor((b[key] * factor) / 50) * 50;
  };

  const ordersContext = (): OrdersContext => {
    const s = conn.state;
    const b = books();
    return {
      scenario: scenario!,
      quarter: s.quarter,
      cashUsd: me()?.own?.cash ?? 0,
      books: b,
      position: {
        chips: b.chips ?? 0,
        robotLines: b.robots?.lines ?? 0,
        robotLinesBuilding: sumBuilds(b.robots?.linesBuilding),
        plants: b.robots?.plants ?? 0,
        actuators: b.robots?.actuators ?? 0,
        plantsBuilding: sumBuilds(b.robots?.plantsBuilding),
        robotsDeployed: b.robots?.deployed ?? 0,
        lastChipPriceUsd: s.foundryPriceUsd || null,
        foundrySoldOut: s.report?.foundry !== undefined && soldOut(s.report.foundry),
        quarter: s.quarter,
        computeCostUsd: scenario!.chips.generations[b.tech?.chipGeneration ?? 0]!.computeCostUsd,
        permitsHeld: b.robotaxi?.permits?.length ?? 0,
        licensesHeld: b.satellites?.licenses?.length ?? 0,
      },
      lastSheet: me()?.own?.orders?.toJSON() ?? {},
      permitsHeld: Object.fromEntries([...s.permits.entries()].map(([city, p]) => [city, p.holders.toArray()])),
      seat: conn.seat!,
      seats: s.players.length,
      forSale: scenario!.satellites.licenses.filter((l) => s.licenses.get(l.id)?.holder === undefined && s.licenses.get(l.id)?.auctionQuarter === s.quarter),
      locked: me()?.locked === true,
      canLock: s.status === 'planning' && !s.paused && !s.resultsHeld,
      lock: (orders) => void lock(orders),
      save,
      unlock: async () => say(await conn.send({ type: 'UnlockOrders', data: { seat: conn.seat!, quarter: conn.state.quarter } })),
      status,
    };
  };

  const drawResults = () => {
    const s = conn.state;
    const seats: SeatLike[] = s.players.toArray();
    // A ranked match's player: how their rating moved, and the queue again instead of a rematch.
    const ranked = s.ranked && conn.role === 'player' ? rankedResult(matchId, (path) => void leaveMatch(path)) : null;
    panel.append(h('h2', {}, t('matchEnded')));
    if (s.winner !== undefined) panel.append(h('p', { id: 'winner', class: 'winner' }, h('img', { src: '/icons/loop.svg', alt: '', width: 28, height: 28 }), ` ${t('winner')}: ${seatName(s.players[s.winner]?.name ?? '')}`));
    panel.append(
      h(
        'ol',
        { id: 'ranking' },
        ...s.ranking.map((seat) => {
          const p = seats[seat]!;
          const row = standings([p], conn.seat)[0]!;
          return tip(h('li', { class: seat === conn.seat ? 'me' : '' }, h('strong', { class: 'name' }, seatName(p.name)), ` · ${money(p.valuation)} · `, h('span', { class: 'muted' }, closedText(row.closed))), t('tip_playerValuation'));
        }),
      ),
    );
    if (ranked) panel.append(ranked.line);
    panel.append(
      h(
        'div',
        { class: 'row wrap after-match' },
        ranked ? ranked.playAgain : conn.role === 'player' && !s.classroom ? h('button', { class: 'primary', id: 'rematch', onclick: () => void rematch() }, t('rematch')) : null,
        h('a', { class: 'button secondary', id: 'watch-replay', href: `/replay/${encodeURIComponent(matchId)}` }, t('watchReplay')),
      ),
    );
    const charts = h('div', { class: 'charts' });
    panel.append(charts);
    void renderResultsChart(charts, matchId, conn.seat ?? s.ranking[0] ?? 0);
  };

  /** The same match again: its seats, bots, quarters, loops to win and timer; the player opens it at once. */
  const rematch = async () => {
    const s = conn.state;
    const seats = s.players.toArray();
    try {
      const created = await api.create({
        seats: seats.length,
        bots: seats.filter((p) => p.kind === 'bot').map((p) => ({ strategy: p.strategy as BotStrategy, difficulty: (p.difficulty || 'normal') as BotDifficulty })),
        winLoops: s.winLoops as 1 | 2 | 3,
        planningSeconds: s.planningSeconds,
        quarters: s.quarters,
      });
      location.assign(`/match/${encodeURIComponent(created.matchId)}`);
    } catch (e) {
      status.textContent = `${t('errorPrefix')}: ${String((e as Error).message)}`;
      status.className = 'status error';
    }
  };

  // Refusals show in plain words inside the panel, beside the button that caused them.
  const drawPanel = () => {
    clear(panel);
    const s = conn.state;
    panel.classList.toggle('ended', s.status === 'ended');
    if (s.status === 'ended') {
      drawResults();
      panel.append(status);
      return;
    }
    if (s.status === 'lobby' && conn.role === 'player') {
      // Before the start: who the match waits for, not an empty sheet worth $0.
      const open = s.players.filter((p) => p.kind === 'open').length;
      panel.append(
        h('h2', {}, t('waitingTitle')),
        h('p', { id: 'waiting-note', role: 'status' }, s.classroom ? t('waitingTeacher') : tf('waitingPlayers', { n: open, code: s.joinCode })),
        status,
      );
      return;
    }
    if (conn.role !== 'player') {
      panel.append(status);
      panel.append(h('h2', {}, conn.role === 'facilitator' ? t('facilitator') : t('spectator')));
      const lag = delayNote(conn);
      if (lag) panel.append(lag);
      if (conn.role === 'facilitator') {
        panel.append(
          h('div', { class: 'row wrap' },
            h('button', { onclick: async () => say(await conn.send({ type: 'StartMatch', data: {} })) }, t('start')),
            h('button', { onclick: async () => say(await conn.send(s.paused ? { type: 'ResumeMatch', data: {} } : { type: 'PauseMatch', data: {} })) }, s.paused ? t('resume') : t('pause')),
            h('button', { onclick: async () => say(await conn.send({ type: 'EndPlanning', data: { quarter: s.quarter } })) }, t('advance')),
            h('a', { href: `/console/${matchId}`, class: 'session-link' }, t('fcOpenConsole')),
          ),
        );
      }
      return;
    }
    renderOrders(panel, draft, ordersContext(), localStorage);
  };

  const drawHeader = () => {
    const s = conn.state;
    const mine = me();
    pageTitle(s.status === 'lobby' ? t('waitingTitle') : s.quarterLabel, s.joinCode);
    heading.textContent = tf('matchHeading', { code: s.joinCode });
    // The sound control stays in place (its panel may be open) while the rest is redrawn.
    const items: Node[] = [
      h('button', { class: 'secondary', id: 'back', onclick: () => void leaveMatch() }, `← ${t('back')}`),
      h('button', { class: 'secondary icon', id: 'shortcuts-help', 'aria-keyshortcuts': '?', 'aria-label': t('key_title'), title: `${t('key_title')} (?)`, onclick: () => openShortcutHelp(root) }, '?'),
      motionButton(motionPaused, (paused) => {
        motionPaused = paused;
        world?.pauseMotion(paused);
        redrawKeepingFocus(header, drawHeader);
      }),
      sound.element,
    ];
    // No books before the start: the header shows money once the match has begun.
    const books = mine && s.status !== 'lobby' ? { cash: mine.own?.cash ?? 0, debt: mine.own?.debt ?? 0, valuation: mine.valuation } : null;
    for (const item of hudItems(s, books, Date.now())) {
      items.push(
        tip(
          h('div', { class: `stat ${item.tone ?? ''}`, id: item.id }, h('img', { src: `/icons/${item.icon}.svg`, alt: '', width: 22, height: 22 }), h('span', { class: 'label' }, item.label), h('strong', { class: 'value' }, item.value)),
          item.tip,
        ),
      );
    }
    if (s.ranked) items.push(tip(h('span', { class: 'badge ranked', id: 'ranked-badge' }, t('rankedBadge')), t('rankedBadgeTip')));
    if (s.paused) items.push(h('span', { class: 'badge' }, t('paused')));
    // Staged reveal: the quarter is resolved, its results come when the facilitator releases them.
    if (s.resultsHeld) items.push(h('span', { class: 'badge', id: 'results-held' }, t('fcHeldBadge')));
    setChildren(header, items);
  };

  const drawPlayers = () => {
    const s = conn.state;
    clear(players);
    const rows = standings(s.players.toArray(), conn.seat);
    // Classroom teams: the students who share a seat, by name.
    const members = s.members.toArray();
    const teamOf = (seat: number) => {
      const names = members.filter((m) => m.seat === seat).map((m) => m.name);
      return names.length > 1 ? h('span', { class: 'muted team' }, ` (${names.join(', ')})`) : null;
    };
    players.append(
      h('h2', {}, t('players')),
      h(
        'table',
        {},
        ...rows.map((r) =>
          h(
            'tr',
            { class: r.me ? 'me' : '' },
            tip(h('td', { class: 'rank' }, String(r.rank)), t('tip_rank')),
            h('td', { class: 'name' }, h('span', { class: `dot seat-${r.seat}` }), ` ${r.name}`, teamOf(r.seat)),
            h('td', { class: 'muted' }, r.who),
            tip(h('td', {}, s.status === 'lobby' ? '—' : r.valuation), t('tip_playerValuation')),
            tip(h('td', {}, `${r.loops} ⟳`), `${t('tip_playerLoops')} ${closedText(r.closed)}`),
            h('td', {}, r.status),
          ),
        ),
      ),
    );
  };

  /** The orders panel, when what it shows changed: a new quarter, the start, the end, a lock. */
  const drawPanelIfNeeded = () => {
    const s = conn.state;
    const mine = me();
    const showResults = s.status === 'ended' && !endedShown;
    if (showResults || (s.status !== 'ended' && (s.quarter !== shownQuarter || panel.childElementCount === 0))) {
      if (s.quarter !== shownQuarter) {
        // A new quarter: one-off choices start empty, budgets shrink to fit the cash.
        draft.sheet = null;
        draft.permits.clear();
        draft.bids = {};
        delete draft.prices;
        fitBudgets();
      }
      // A new quarter (or the results) rebuilds the panel: a keyboard user whose focus was in the
      // old one (or nowhere) is put at its top, and the quarter's end is said.
      const active = document.activeElement;
      const lost = !active || active === document.body || panel.contains(active);
      const turned = (shownQuarter > 0 && s.quarter !== shownQuarter) || (showResults && shownQuarter > 0);
      shownQuarter = s.quarter;
      endedShown = s.status === 'ended';
      drawPanel();
      if (turned && lost) panel.focus({ preventScroll: true });
      return;
    }
    const lockButton = panel.querySelector('#lock, #unlock');
    if (mine && lockButton && (lockButton.id === 'unlock') !== mine.locked) drawPanel();
  };

  const drawReport = () => {
    const s = conn.state;
    const mine = me();
    const names = s.players.map((p) => seatName(p.name));
    const pub = s.report.quarter > 0 ? s.report.toJSON() : null;
    const own = mine?.own?.report && mine.own.report.quarter > 0 ? mine.own.report.toJSON() : null;
    clear(report);
    const places = placeNames(scenario!, names);
    report.append(h('h2', {}, t('report')), reportPanel(pub, own, places, conn.seat, mine ? loopStanding(mine, own, scenario!) : null));
    // A quarter's end is said once, when it comes (not for the results already there on opening).
    if (announce(pub, own, conn.seat, places) && pub) {
      const books = mine?.own && s.status !== 'lobby' ? { cash: mine.own.cash ?? 0, valuation: mine.valuation } : null;
      speak(quarterSentence(pub, books, places, quarterMoments, mine && books ? loopsSentence(mine.loops.toJSON(), scenario!.loop.qualifyingQuarters) : null));
      const moments = heldMoments;
      heldMoments = null;
      sequence.play(pub, places, 1, (skipped) => moments?.(skipped));
    }
  };

  const drawWorld = () => {
    const s = conn.state;
    const room = {
      quarter: s.quarter,
      foundryPriceUsd: s.foundryPriceUsd,
      permits: s.permits.toJSON(),
      licenses: s.licenses.toJSON(),
      players: s.players.map((p) => p.toJSON()),
      report: s.report.quarter > 0 ? s.report.toJSON() : null,
    };
    const model = worldModel(room, scenario!, conn.seat ?? 0, worldWords().model);
    world?.update(model);
    renderTwin(twinBox, worldTwin(model, room.players, scenario!.loop.qualifyingQuarters, twinWords(), conn.seat));
  };

  // Each part of the screen is redrawn when the state under it changed (the room's schema
  // callbacks say so), at most once per frame.
  type Part = 'header' | 'panel' | 'players' | 'report' | 'world';
  const draws: Record<Part, () => void> = {
    header: () => redrawKeepingFocus(header, drawHeader),
    panel: () => redrawKeepingFocus(panel, drawPanelIfNeeded),
    players: () => redrawKeepingFocus(players, drawPlayers),
    report: drawReport,
    world: drawWorld,
  };
  const dirty = new Set<Part>();
  let frame = 0;
  const flush = () => {
    frame = 0;
    if (!scenario && conn.state.scenarioJson) scenario = JSON.parse(conn.state.scenarioJson) as Scenario;
    if (!scenario) return;
    for (const part of ['header', 'panel', 'players', 'report', 'world'] as const) if (dirty.delete(part)) draws[part]();
    // A solo match's first quarter waits for its player: its clock starts when the tour is done,
    // or at once for a player who has seen the tour. A player waiting for friends to take their
    // seats is offered the tour then, so it does not eat into the first quarter.
    if (!toured && world && (conn.state.status === 'planning' || (conn.state.status === 'lobby' && conn.role === 'player'))) {
      toured = true;
      if (shouldTour(localStorage, conn.role)) setTimeout(() => startTour(document, localStorage, () => conn.ready()), 300);
      else conn.ready();
    }
  };
  const mark = (...parts: Part[]) => {
    for (const part of parts) dirty.add(part);
    if (!frame) frame = requestAnimationFrame(flush);
  };
  const draw = () => mark('header', 'panel', 'players', 'report', 'world');

  const $ = conn.callbacks;
  for (const field of ['quarter', 'status', 'paused', 'resultsHeld'] as const) $.listen(field, () => mark('header', 'panel', 'players', 'world'));
  for (const field of ['deadline', 'quarterLabel', 'joinCode'] as const) $.listen(field, () => mark('header'));
  $.listen('foundryPriceUsd', () => mark('world'));
  // The report also feeds the canvas: the foundry's chips and the robots each factory sold.
  watchTree($, conn.state.report, () => mark('report', 'world'));
  watchField($, conn.state, 'members', () => mark('players'));
  // The chat's input says why it is closed: a class without chat, or the facilitator's mute.
  const chatBlock = () => {
    const s = conn.state;
    chat.block(s.chatOff ? 'chatOff' : s.status === 'ended' ? 'chatEnded' : conn.role === 'player' && (s.chatMutedAll || (conn.seat !== null && s.chatMutedSeats.includes(conn.seat))) ? 'chatYouMuted' : null);
  };
  for (const field of ['chatOff', 'chatMutedAll', 'status'] as const) $.listen(field, chatBlock);
  watchField($, conn.state, 'chatMutedSeats', chatBlock);
  for (const market of ['permits', 'licenses'] as const) watchField($, conn.state, market, () => mark('world', 'panel'));
  $.onAdd('players', (row) => {
    // Asked at each change: a student the facilitator moves plays another seat from then on.
    const mine = () => row.seat === conn.seat;
    $.onChange(row, () => mark('players', 'world', ...(mine() ? (['header', 'panel'] as const) : [])));
    watchTree($, row.loops, () => mark('players', 'world'));
    for (const list of ['permits', 'licenses'] as const) watchField($, row, list, () => mark('world'));
    // A seat's private side (only the reader's own arrives, and every seat's once the match is
    // over): money in the header, books on the canvas and the sheet, its report.
    $.listen(row, 'own', (own) => {
      if (!own) return;
      $.onChange(own, () => mine() && mark('header'));
      // Every seat's books reach the canvas (a finished match opens them all to everyone).
      watchField($, own, 'books', () => mark('world', ...(mine() ? (['panel'] as const) : [])));
      watchField($, own, 'report', () => mine() && mark('report'));
    });
    mark('players', 'world');
  });

  let wasUp = true;
  conn.onConnection = (up) => {
    const banner = document.getElementById('banner')!;
    banner.hidden = up;
    banner.textContent = up ? '' : t('connectionLost');
    if (up && !wasUp) speak(t('sayConnectionBack'));
    wasUp = up;
  };
  conn.onClosed = (why) => {
    const banner = document.getElementById('banner')!;
    banner.hidden = false;
    banner.textContent = why === 'removed' ? t('removedFromClass') : t('droppedForFlooding');
  };
  draw();
  let secondsBefore: number | null = null;
  const ticker = setInterval(() => {
    const timer = document.querySelector('#timer .value');
    const left = conn.state.deadline > 0 && !conn.state.paused ? Math.max(0, Math.round((conn.state.deadline - Date.now()) / 1000)) : null;
    if (timer && left !== null) timer.textContent = `${left} s`;
    const warning = left === null || conn.role !== 'player' ? null : timerWarning(secondsBefore, left);
    if (warning) {
      speak(warning);
      world?.tone('tick');
    }
    secondsBefore = left;
  }, 1000);
  // The frequent actions on single keys (shortcuts.ts; `?` lists them).
  const stopShortcuts = installShortcuts(document, (action) => {
    if (action === 'help') return openShortcutHelp(root);
    if (action === 'nextView') {
      return speak(t(`view_${views.next()}` as MessageKey));
    }
    if (action === 'table') {
      views.show('table');
      return twinBox.focus();
    }
    if (action === 'lock') {
      const button = panel.querySelector<HTMLButtonElement>('#lock, #unlock');
      if (button?.id === 'lock' && !button.disabled) button.click();
      return button?.focus();
    }
    const target = action === 'orders' ? panel : report;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest' });
  });
  leaving = () => {
    stopShortcuts();
    sequence.dispose();
    zoom.dispose();
    clearInterval(ticker);
    world?.destroy();
    document.querySelector('.tour')?.remove();
  };
}
