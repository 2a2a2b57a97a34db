import './replay.css';
import { chatLines, chatOfQuarter, replayChatCard } from './replayChat';
import { SPEEDS, type Speed } from '../../../shared/replay/timeline';
import { pageTitle, t } from '../i18n/i18n';
import { clear, h } from '../ui/dom';
import { forkPanel } from './forkPanel';
import { loadFromFile, loadFromServer, type Loaded, type LoadResult } from './loadReplay';
import { MOMENT_GROUPS, momentLabel } from './momentLabel';
import { marketsCard, namesOf, playersTable, replaySentence, reportCard } from './publicBoard';
import { publicReport, quarterEvents, type PublicReport } from '../../../shared/views/quarterReport';
import { ReplayPlayer } from './ReplayPlayer';
import { replayWorld } from './replayWorld';

export interface ReplayActions {
  back(): void;
  /** A what-if match was created: open it as its player. */
  openMatch(matchId: string): void;
}

/**
 * The replay viewer: a finished match from this server (/replay/<id>) or an exported file. The
 * log is verified and folded here, in the browser, by the shared engine.
 */
export async function renderReplay(root: HTMLElement, matchId: string | null, actions: ReplayActions): Promise<void> {
  pageTitle(t('replayTitle'));
  clear(root);
  const status = h('p', { id: 'replay-status', class: 'muted' });
  const error = h('p', { id: 'replay-error', class: 'error', role: 'alert' });
  const content = h('div', { id: 'replay-content' });
  const fileInput = h('input', { id: 'replay-file', type: 'file', accept: '.json,application/json' });
  let current: Shown | null = null;

  const take = async (result: Promise<LoadResult>) => {
    current?.dispose();
    error.textContent = '';
    status.textContent = t('replayLoading');
    const r = await result;
    status.textContent = '';
    if (!r.ok) {
      clear(content);
      current = null;
      error.textContent = r.message;
      return;
    }
    current = show(content, r.loaded, actions);
  };
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void take(loadFromFile(file));
  });
  const screen = h(
    'div',
    { class: 'replay' },
    h('header', { class: 'replay-head' }, h('h1', {}, 'Closed ', h('span', {}, 'Loop'), ` · ${t('replayTitle')}`), h('button', { id: 'replay-back', class: 'secondary', onclick: () => (current?.dispose(), actions.back()) }, t('replayBack'))),
    h('main', { id: 'main' }, h('section', { class: 'card drop-zone', id: 'replay-drop' }, h('label', {}, t('replayOpenFile'), fileInput), h('span', { class: 'muted' }, t('replayDropHint'))), status, error, content),
  );
  screen.addEventListener('dragover', (e) => e.preventDefault());
  screen.addEventListener('drop', (e) => {
    e.preventDefault();
    const file = e.dataTransfer?.files[0];
    if (file) void take(loadFromFile(file));
  });
  root.append(screen);
  if (matchId) await take(loadFromServer(matchId));
}

interface Shown {
  player: ReplayPlayer;
  /** Stops playback and the canvas. */
  dispose(): void;
}

function show(content: HTMLElement, loaded: Loaded, actions: ReplayActions): Shown {
  clear(content);
  const { file } = loaded;
  const player = new ReplayPlayer(file.events);
  const sourceId = file.match.matchId;

  const equal = loaded.serverHash === null ? null : loaded.serverHash === loaded.finalStateHash;
  const verify = h(
    'section',
    { class: 'card replay-verify' },
    h('p', { id: 'replay-verified', class: 'ok' }, `✓ ${t('replayVerified')} · ${file.events.length} ${t('replayEvents')} · ${sourceId}`),
    h('p', {}, `${t('replayFinalHash')}: `, h('code', { id: 'final-hash', title: loaded.finalStateHash }, loaded.finalStateHash)),
    h(
      'p',
      {},
      `${t('replayServerHash')}: `,
      loaded.serverHash ? h('code', { id: 'server-hash' }, loaded.serverHash) : null,
      ' ',
      h('strong', { id: 'hash-match', class: equal === false ? 'error' : equal ? 'ok' : 'muted', 'data-equal': String(equal) }, equal === null ? t('replayHashUnknown') : equal ? `✓ ${t('replayHashEqual')}` : `✗ ${t('replayHashDiffers')}`),
    ),
  );

  const button = (id: string, label: string, title: string, onclick: () => void) => h('button', { id, title, 'aria-label': title, onclick }, label);
  const play = button('rp-play', '▶', t('replayPlay'), () => (player.playing ? player.pause() : player.play()));
  const speed = h('select', { id: 'rp-speed', 'aria-label': t('replaySpeed') }, ...SPEEDS.map((s) => h('option', { value: s }, `${s}×`)));
  speed.addEventListener('change', () => player.setSpeed(Number(speed.value) as Speed));
  const scrub = h('input', { id: 'rp-scrub', type: 'range', min: 0, max: Math.max(0, player.marks.length - 1), step: 1, value: 0, 'aria-label': t('replayScrub') });
  scrub.addEventListener('input', () => player.seek(player.marks[Number(scrub.value)]?.count ?? 0));
  const names = namesOf(player.snapshots[player.snapshots.length - 1]?.state ?? player.state);
  const moments = h(
    'select',
    { id: 'rp-moments', 'aria-label': t('replayMoments') },
    h('option', { value: '' }, t('replayMomentPick')),
    ...MOMENT_GROUPS.map(([kind, label]) => {
      const group = h('optgroup', { label: t(label) });
      player.moments.forEach((m, i) => m.kind === kind && group.append(h('option', { value: i }, momentLabel(m, names))));
      return group;
    }),
  );
  moments.addEventListener('change', () => {
    const m = player.moments[Number(moments.value)];
    if (moments.value !== '' && m) player.seek(m.count);
  });
  const nextMoment = () => {
    const m = player.moments.find((x) => x.kind !== 'foundry' && x.count > player.position);
    if (m) player.seek(m.count);
  };
  const position = h('p', { id: 'rp-position' });
  const positionHash = h('code', { id: 'position-hash' });
  const timeline = h(
    'section',
    { class: 'card replay-timeline' },
    h(
      'div',
      { class: 'controls' },
      button('rp-start', '|◀', t('replayStart'), () => player.seek(0)),
      button('rp-prev-quarter', '«', t('replayPrevQuarter'), () => player.step(-1, 'quarter')),
      button('rp-prev-event', '‹', t('replayPrevEvent'), () => player.step(-1, 'event')),
      play,
      button('rp-next-event', '›', t('replayNextEvent'), () => player.step(1, 'event')),
      button('rp-next-quarter', '»', t('replayNextQuarter'), () => player.step(1, 'quarter')),
      button('rp-end', '▶|', t('replayEnd'), () => player.seek(player.total)),
      h('label', { class: 'inline' }, `${t('replaySpeed')} `, speed),
    ),
    h('div', { class: 'scrub' }, scrub, h('span', { id: 'rp-quarter', class: 'quarter-badge' })),
    position,
    h('p', { class: 'muted hash-line' }, 'SHA-256: ', positionHash),
    h('div', { class: 'row wrap' }, h('label', {}, t('replayMoments'), moments), h('button', { id: 'rp-next-moment', onclick: nextMoment }, `${t('replayNextMoment')} ⟶`)),
  );

  const world = replayWorld();
  // The last resolved quarter's public report (the canvas's foundry and robot sales read it),
  // worked out once per quarter.
  let shownReport: { quarter: number | null; report: PublicReport | null } | null = null;
  const reportAt = (q: number | null): PublicReport | null => {
    if (shownReport?.quarter !== q) shownReport = { quarter: q, report: q !== null && q >= 1 ? publicReport(q, quarterEvents(player.events, q)) : null };
    return shownReport.report;
  };
  const ended = player.snapshots[player.snapshots.length - 1]?.state.result;
  const focus = h(
    'select',
    { id: 'rp-focus', 'aria-label': t('replayFocus') },
    ...names.seats.map((name, seat) => h('option', { value: seat, selected: seat === (ended?.winner ?? 0) }, name)),
  );
  focus.addEventListener('change', () => world.update(player.state, Number(focus.value), reportAt(player.quarter)));
  const spoken = h('p', { class: 'sr-only', id: 'rp-announce', role: 'status', 'aria-live': 'polite' });
  // Nine columns are wider than a phone or a page zoomed to 200%: the table scrolls in its own box
  // (reachable by keyboard), never the page.
  const playersBox = h('div', { class: 'table-scroll', role: 'region', tabindex: 0, 'aria-labelledby': 'rp-players-title' });
  const marketsBox = h('div', {});
  const reportBox = h('div', {});
  const forkBox = h('div', {});
  const chatBox = h('div', {});
  const chat = chatLines(player.events);
  content.append(
    spoken,
    verify,
    timeline,
    h(
      'div',
      { class: 'replay-board' },
      h(
        'div',
        {},
        h('section', { class: 'card replay-world' }, h('label', { class: 'inline' }, `${t('replayFocus')} `, focus), world.element),
        h('section', { class: 'card' }, h('h2', { id: 'rp-players-title' }, t('replayPlayers')), playersBox),
        h('section', { class: 'card' }, h('h2', {}, t('replayMarkets')), marketsBox),
      ),
      h(
        'div',
        {},
        h('section', { class: 'card' }, h('h2', {}, t('replayReport')), reportBox),
        h('section', { class: 'card replay-chat' }, h('h2', {}, t('chat')), chatBox),
        h('section', { class: 'card' }, h('h2', {}, t('replayWhatIf')), forkBox),
      ),
    ),
  );

  let reportQuarter: number | null | undefined;
  const update = () => {
    const state = player.state;
    const q = player.quarter;
    const markIndex = player.marks.filter((m) => m.count <= player.position).length - 1;
    scrub.value = String(Math.max(0, markIndex));
    (content.querySelector('#rp-quarter') as HTMLElement).textContent = q === null ? t('replayBeforeStart') : `Q${q}/${state.scenario.quarters}`;
    const last = player.events[player.position - 1];
    position.textContent = `${t('replayPosition')} ${player.position}/${player.total}${last ? ` · ${last.type}` : ''}`;
    positionHash.textContent = player.stateHash;
    // Drawn icons: this machine's fonts (and many others) have no glyph for ⏸.
    play.replaceChildren(h('img', { src: `/icons/${player.playing ? 'pause' : 'play'}.svg`, alt: '', width: 20, height: 20 }));
    play.title = player.playing ? t('replayPause') : t('replayPlay');
    play.setAttribute('aria-label', play.title);
    world.update(state, Number(focus.value), reportAt(q));
    clear(playersBox);
    playersBox.append(playersTable(state));
    clear(marketsBox);
    marketsBox.append(marketsCard(state));
    // The report changes only when another quarter's resolution is reached.
    if (reportQuarter !== q) {
      // Playing forward into a quarter's resolution, a screen reader hears what it brought.
      // Playing forward into a quarter's resolution, the board plays it out (at the replay's speed).
      if (q !== null && q >= 1 && reportQuarter !== undefined && (reportQuarter ?? 0) < q) {
        spoken.textContent = replaySentence(state, player.events.slice(0, player.position), q);
        if (player.playing) world.playQuarter(reportAt(q)!, namesOf(state), player.speed);
      }
      reportQuarter = q;
      clear(reportBox);
      reportBox.append(reportCard(state, player.events.slice(0, player.position), q));
    }
    clear(chatBox);
    chatBox.append(replayChatCard(state, chatOfQuarter(chat, player.position, state.quarter)));
    clear(forkBox);
    const mark = player.atMark;
    if (!loaded.onServer) forkBox.append(h('p', { class: 'muted' }, t('replayForkFileOnly')));
    else if (!mark || state.status === 'ended') forkBox.append(h('p', { class: 'muted', id: 'fork-hint' }, t('replayForkNeedsQuarter')));
    else forkBox.append(forkPanel(sourceId, mark.quarter, state, actions.openMatch));
  };
  player.onChange = update;
  update();
  // Keys: space plays or pauses, ←/→ step one event, with Shift one quarter.
  const onKey = (e: KeyboardEvent) => {
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement) return;
    if (e.key === ' ') {
      if (player.playing) player.pause();
      else player.play();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      player.step(e.key === 'ArrowRight' ? 1 : -1, e.shiftKey ? 'quarter' : 'event');
    } else return;
    e.preventDefault();
  };
  document.addEventListener('keydown', onKey);
  return {
    player,
    dispose() {
      document.removeEventListener('keydown', onKey);
      player.pause();
      world.destroy();
    },
  };
}
