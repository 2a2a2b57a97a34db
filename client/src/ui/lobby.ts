import { BOT_DIFFICULTIES, type BotDifficulty, type BotStrategy } from '../../../shared/domain/ids';
import type { MessageKey } from '../i18n/en';
import { currentLocale, LOCALE_STORAGE_KEY, pageTitle, seatName, setLocale, t, type Locale } from '../i18n/i18n';
import { api, type MatchListing } from '../net/api';
import { forgetSeatToken, heldSeats, rememberFacilitatorKey } from '../net/connection';
import { accountCard } from './accountCard';
import { quickMatchCard } from './quickMatch';
import { clear, h } from './dom';

const NAME_KEY = 'closed-loop.name';
const STRATEGIES: BotStrategy[] = ['balanced', 'robotaxi', 'robots', 'satellites', 'vertical'];

export interface LobbyActions {
  openMatch(matchId: string, intent: { name?: string; spectate?: boolean }): void;
  rerender(): void;
  /** Moves to another of the page's routes (the leaderboard, a profile) without a page load. */
  go(path: string): void;
}

/** The lobby: quick match, name, a new match, join by code, the list of matches, how to play. Plain DOM. */
export function renderLobby(root: HTMLElement, actions: LobbyActions): void {
  clear(root);
  pageTitle();
  // Back from a match (no page load): the lobby starts at its top, where the player's matches are.
  window.scrollTo(0, 0);
  const name = h('input', { id: 'name', maxlength: 24, placeholder: t('namePlaceholder'), value: localStorage.getItem(NAME_KEY) ?? '' });
  name.addEventListener('change', () => localStorage.setItem(NAME_KEY, name.value.trim()));
  const playerName = () => {
    const value = name.value.trim() || 'Player';
    localStorage.setItem(NAME_KEY, value);
    return value;
  };

  const lang = h('select', { id: 'lang', 'aria-label': t('language') }, h('option', { value: 'en' }, 'English'), h('option', { value: 'de' }, 'Deutsch'));
  lang.value = currentLocale();
  lang.addEventListener('change', () => {
    setLocale(lang.value as Locale, localStorage);
    localStorage.setItem(LOCALE_STORAGE_KEY, lang.value);
    actions.rerender();
  });

  const seats = h('input', { id: 'seats', type: 'number', min: 1, max: 8, value: 4 });
  const botCount = h('input', { id: 'botCount', type: 'number', min: 0, max: 7, value: 3 });
  const botsBox = h('div', { class: 'bots' });
  const botRow = (strategy: BotStrategy, difficulty: BotDifficulty) =>
    h(
      'div',
      { class: 'bot-row' },
      h('span', {}, t('bot')),
      h('select', { class: 'bot-strategy', 'aria-label': t('strategy') }, ...STRATEGIES.map((s) => h('option', { value: s, selected: s === strategy }, t(`strategy_${s}` as MessageKey)))),
      h('select', { class: 'bot-difficulty', 'aria-label': t('difficulty') }, ...BOT_DIFFICULTIES.map((d) => h('option', { value: d, selected: d === difficulty }, t(`difficulty_${d}` as MessageKey)))),
    );
  // One seat is yours; the others are bots or wait for friends who join with the code.
  const syncBots = () => {
    const free = Math.max(0, Math.min(7, Number(seats.value) - 1));
    if (Number(botCount.value) > free) botCount.value = String(free);
    const wanted = Math.max(0, Math.min(free, Number(botCount.value)));
    while (botsBox.children.length < wanted) botsBox.append(botRow(STRATEGIES[botsBox.children.length % STRATEGIES.length]!, 'normal'));
    while (botsBox.children.length > wanted) botsBox.lastElementChild!.remove();
  };
  seats.addEventListener('input', syncBots);
  botCount.addEventListener('input', syncBots);
  syncBots();
  const winLoops = h('select', { id: 'winLoops' }, h('option', { value: 1 }, '1'), h('option', { value: 2, selected: true }, '2'), h('option', { value: 3 }, '3'));
  const timer = h('input', { id: 'timer', type: 'number', min: 0, max: 3600, value: 90 });
  const classroom = h('input', { id: 'classroom', type: 'checkbox' });
  // A class may keep its match free of chat (friends mute one another on their own screens).
  const classChat = h('input', { id: 'classChat', type: 'checkbox', checked: true });
  const classChatLabel = h('label', { class: 'inline', hidden: true }, classChat, ` ${t('fcSessionChat')}`);
  classroom.addEventListener('change', () => (classChatLabel.hidden = !classroom.checked));
  const spectatorDelay = h('input', { id: 'spectatorDelay', type: 'number', min: 0, max: 60, value: 0 });
  const error = h('p', { class: 'error', role: 'alert' });

  const create = async () => {
    error.textContent = '';
    try {
      const bots = [...botsBox.children].map((row) => ({
        strategy: (row.querySelector('.bot-strategy') as HTMLSelectElement).value as BotStrategy,
        difficulty: (row.querySelector('.bot-difficulty') as HTMLSelectElement).value as BotDifficulty,
      }));
      const created = await api.create({
        seats: Number(seats.value),
        bots,
        winLoops: Number(winLoops.value) as 1 | 2 | 3,
        planningSeconds: Number(timer.value),
        classroom: classroom.checked,
        ...(classroom.checked ? { chat: classChat.checked } : {}),
        spectatorDelay: Number(spectatorDelay.value),
      });
      if (created.facilitatorKey) {
        // A classroom match is run from the facilitator console, which keeps the key.
        rememberFacilitatorKey(created.matchId, created.facilitatorKey);
        history.pushState({}, '', `/console/${created.matchId}`);
        actions.rerender();
        return;
      }
      actions.openMatch(created.matchId, { name: playerName() });
    } catch (e) {
      error.textContent = String((e as Error).message);
    }
  };

  // The console's QR code links here with ?join=CODE.
  const code = h('input', { id: 'code', maxlength: 5, placeholder: 'ABCDE', autocapitalize: 'characters', value: new URLSearchParams(location.search).get('join') ?? '' });
  const joinByCode = async () => {
    error.textContent = '';
    try {
      const match = await api.get(code.value.trim().toUpperCase());
      actions.openMatch(match.matchId, { name: playerName() });
    } catch (e) {
      error.textContent = String((e as Error).message);
    }
  };

  const list = h('ul', { id: 'matches', class: 'matches' });
  const fill = (matches: MatchListing[]) => {
    clear(list);
    const shown = matches.slice(0, 20);
    if (shown.length === 0) list.append(h('li', { class: 'muted' }, t('noMatches')));
    for (const m of shown) {
      list.append(
        h(
          'li',
          {},
          h('code', {}, m.joinCode),
          h('span', {}, ` ${m.seats.map((s) => (s.name ? seatName(s.name) : '—')).join(', ')} · ${t(m.status)} · ${t('quarter')} ${m.quarter}/${m.quarters} `),
          m.openSeats > 0 && m.status !== 'finished' ? h('button', { onclick: () => actions.openMatch(m.matchId, { name: playerName() }) }, t('join')) : null,
          m.status === 'finished'
            ? h('button', { class: 'secondary replay-link', onclick: () => location.assign(`/replay/${m.matchId}`) }, t('replay'))
            : h('button', { class: 'secondary', onclick: () => actions.openMatch(m.matchId, { spectate: true }) }, t('watch')),
        ),
      );
    }
  };
  void api.list().then(fill, () => fill([]));

  // Matches this browser holds a seat in (its seat tokens), still waiting or being played: one
  // click back to each. A token of a match that is gone or expired is forgotten here.
  const mine = h('ul', { id: 'my-matches', class: 'matches' });
  const mineCard = h('section', { class: 'card', hidden: true }, h('h2', {}, t('yourMatches')), mine);
  const seatIds = heldSeats();
  void Promise.all(seatIds.map((id) => api.get(id).catch(() => null))).then((found) => {
    found.forEach((m, i) => (!m || m.status === 'expired') && forgetSeatToken(seatIds[i]!));
    const open = found.filter((m): m is NonNullable<typeof m> => m !== null && (m.status === 'waiting' || m.status === 'live'));
    for (const m of open.slice(0, 10))
      mine.append(
        h(
          'li',
          {},
          h('span', {}, `${m.seats.map((s) => (s.name ? seatName(s.name) : '—')).join(', ')} · ${t(m.status)} · ${t('quarter')} ${m.quarter}/${m.quarters} `),
          h('button', { class: 'primary', 'data-return': m.matchId, onclick: () => actions.openMatch(m.matchId, { name: playerName() }) }, t('returnToMatch')),
        ),
      );
    mineCard.hidden = open.length === 0;
  });

  const lineCard = (icon: string, key: MessageKey) => h('div', {}, h('img', { src: `/icons/${icon}.svg`, alt: '' }), h('strong', {}, t(key)));
  root.append(
    h(
      'div',
      { class: 'lobby' },
      h(
        'header',
        {},
        h('div', { class: 'brand' }, h('img', { src: '/icons/loop.svg', alt: '' }), h('div', {}, h('h1', {}, 'Closed ', h('span', {}, 'Loop')), h('p', { class: 'lead' }, t('tagline')))),
        h('label', {}, `${t('language')} `, lang),
      ),
      h(
        'main',
        { id: 'main' },
      h(
        'div',
        { class: 'lobby-grid' },
        h(
          'div',
          {},
          // Quick match first: a player who just wants to play finds it before any form.
          quickMatchCard(() => name.value.trim() || undefined, (matchId) => actions.openMatch(matchId, { name: playerName() }), actions.go),
          mineCard,
          h('section', { class: 'card' }, h('label', {}, t('yourName'), name)),
          h(
            'section',
            { class: 'card new-match' },
            h('h2', {}, t('newMatch')),
            h('div', { class: 'grid2' }, h('label', {}, t('seats'), seats), h('label', {}, t('bots'), botCount)),
            botsBox,
            h('div', { class: 'grid2' }, h('label', {}, t('winLoops'), winLoops), h('label', {}, t('timer'), timer)),
            h('label', {}, t('spectatorDelay'), spectatorDelay),
            h('label', { class: 'inline' }, classroom, ` ${t('classroom')}`),
            classChatLabel,
            h('a', { href: '/console', id: 'new-session', class: 'session-link' }, t('fcNewSession')),
            h('button', { id: 'create', class: 'primary', onclick: () => void create() }, t('create')),
          ),
          error,
          // The account comes after the match to create: the first match needs no sign-in.
          accountCard(() => name.value.trim() || undefined, (account) => (name.value ||= account.name), actions.go),
        ),
        h(
          'div',
          {},
          h('section', { class: 'card' }, h('h2', {}, t('joinByCode')), h('div', { class: 'row' }, code, h('button', { id: 'join', onclick: () => void joinByCode() }, t('join')))),
          h('section', { class: 'card' }, h('h2', {}, t('matches')), list, h('a', { id: 'open-replay-file', href: '/replay' }, t('replayOpenFile'))),
        ),
      ),
      h(
        'section',
        { class: 'card' },
        h('h2', {}, t('howToPlay')),
        h('div', { class: 'lines-intro' }, lineCard('car', 'robotaxi'), lineCard('robot', 'robots'), lineCard('satellite', 'satellites')),
        h('p', {}, t('howToPlayText')),
      ),
      ),
    ),
  );
}
