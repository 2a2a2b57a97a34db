import type { ShockCard } from '../../../shared/scenario/types';
import { t, tf } from '../i18n/i18n';
import type { MatchConnection, Reply } from '../net/connection';
import { h } from '../ui/dom';

/**
 * The facilitator's controls for one match. Built once (inputs keep what the teacher typed);
 * `update` sets labels and which buttons apply now. The server checks the key for each.
 */
export function controls(
  conn: MatchConnection,
  say: (r: Reply) => void,
  deck: readonly ShockCard[],
  headline: (card: ShockCard) => string = (card) => card.headline,
): { el: HTMLElement; update(): void } {
  const run = async (command: Parameters<MatchConnection['send']>[0]) => say(await conn.send(command));
  const start = h('button', { id: 'fc-start', class: 'primary', onclick: () => void run({ type: 'StartMatch', data: {} }) }, t('fcStart'));
  const pause = h('button', { id: 'fc-pause', onclick: () => void run(conn.state.paused ? { type: 'ResumeMatch', data: {} } : { type: 'PauseMatch', data: {} }) });
  const advance = h('button', { id: 'fc-advance', onclick: () => void run({ type: 'EndPlanning', data: { quarter: conn.state.quarter } }) }, t('fcAdvance'));
  const reveal = h('button', { id: 'fc-reveal', class: 'primary', onclick: () => void run({ type: 'RevealResults', data: { quarter: conn.state.resultsHeld } }) });
  const timer = h('input', { id: 'fc-timer', type: 'number', min: 0, max: 3600, step: 15, value: conn.state.planningSeconds ?? 0 });
  const setTimer = h('button', { id: 'fc-set-timer', onclick: () => void run({ type: 'SetPlanningTimer', data: { seconds: Number(timer.value) } }) }, t('fcSetTimer'));
  const delay = h('input', { id: 'fc-delay', type: 'number', min: 0, max: 60, step: 1, value: conn.state.spectatorDelay ?? 0 });
  const setDelay = h('button', { id: 'fc-set-delay', onclick: () => void run({ type: 'SetSpectatorDelay', data: { quarters: Number(delay.value) } }) }, t('fcSetDelay'));
  const delayNow = h('span', { id: 'fc-delay-now', class: 'muted' });
  const shock = h('select', { id: 'fc-shock', 'aria-label': t('fcShockDeck') }, ...deck.map((c) => h('option', { value: c.id }, headline(c))));
  const inject = h('button', { id: 'fc-inject', onclick: () => void run({ type: 'InjectShock', data: { cardId: shock.value } }) }, t('fcInject'));
  const staged = h('input', { id: 'fc-staged', type: 'checkbox' });
  staged.addEventListener('change', () => void run({ type: 'SetStagedReveal', data: { on: staged.checked } }));
  const joining = h('button', { id: 'fc-joining', onclick: () => void run({ type: 'SetJoining', data: { open: conn.state.joiningClosed === true } }) });
  const joiningNote = h('span', { id: 'fc-joining-note', class: 'muted', role: 'status' });
  const muteAll = h('button', { id: 'fc-mute-all', onclick: () => void run(conn.state.chatMutedAll ? { type: 'UnmuteChat', data: {} } : { type: 'MuteChat', data: {} }) });
  const muteNote = h('span', { id: 'fc-mute-note', class: 'muted', role: 'status' });
  const end = h('button', { id: 'fc-end', class: 'danger', onclick: () => confirm(t('fcEndConfirm')) && void run({ type: 'EndMatch', data: {} }) }, t('fcEnd'));
  const el = h(
    'section',
    { class: 'card fc-controls', id: 'controls' },
    h('div', { class: 'fc-row' }, start, pause, advance, reveal, end),
    h('div', { class: 'fc-row' }, h('label', {}, t('fcTimerSeconds'), h('span', { class: 'fc-inline' }, timer, setTimer)), h('label', { class: 'fc-grow' }, t('fcShockDeck'), h('span', { class: 'fc-inline' }, shock, inject))),
    h('label', { class: 'inline' }, staged, ` ${t('fcStagedReveal')}`),
    h('div', { class: 'fc-row' }, h('label', {}, t('fcSpectatorDelay'), h('span', { class: 'fc-inline' }, delay, setDelay, delayNow))),
    h('div', { class: 'fc-row' }, joining, joiningNote),
    h('div', { class: 'fc-row' }, muteAll, muteNote),
  );
  const update = () => {
    const s = conn.state;
    const live = s.status === 'planning';
    const held = s.resultsHeld > 0;
    start.hidden = s.status !== 'lobby';
    pause.hidden = !live;
    pause.textContent = s.paused ? t('fcResume') : t('fcPause');
    advance.disabled = !live || s.paused || held;
    reveal.hidden = !held;
    reveal.textContent = tf('fcReveal', { q: s.resultsHeld });
    inject.disabled = !live;
    end.disabled = !live || held;
    staged.checked = s.stagedReveal === true;
    staged.disabled = s.status === 'ended';
    setTimer.disabled = s.status === 'ended';
    setDelay.disabled = s.status === 'ended';
    delayNow.textContent = tf('fcDelayNow', { q: s.spectatorDelay ?? 0 });
    joining.textContent = s.joiningClosed ? t('fcOpenJoining') : t('fcCloseJoining');
    joining.disabled = s.status === 'ended';
    joiningNote.textContent = s.joiningClosed ? t('fcJoiningClosed') : '';
    muteAll.textContent = s.chatMutedAll ? t('fcUnmuteAll') : t('fcMuteAll');
    muteAll.hidden = s.chatOff;
    muteAll.disabled = s.status === 'ended';
    muteNote.textContent = s.chatOff ? t('chatOff') : s.chatMutedAll ? t('fcChatMutedAll') : '';
  };
  update();
  return { el, update };
}
