import { pageTitle, t } from '../i18n/i18n';
import { clear, h } from '../ui/dom';
import { createSession, saveKey } from './facilitatorApi';

/** Asks for the facilitator key of matches this browser has no key for (typed in from the creation screen). */
export function keyForm(matchIds: readonly string[], done: () => void): HTMLElement {
  const key = h('input', { id: 'fc-key', type: 'password', autocomplete: 'off', maxlength: 128 });
  return h(
    'main',
    { id: 'main', class: 'card fc-narrow' },
    h('h1', {}, t('fcTitle')),
    h('label', {}, t('fcKey'), key),
    h('p', { class: 'muted' }, t('fcKeyHint')),
    h('button', { class: 'primary', id: 'fc-key-open', onclick: () => key.value.trim() && (saveKey(matchIds, key.value.trim()), done()) }, t('fcOpen')),
  );
}

/** `/console`: create a class session (several matches, one seed, one key) and open its console. */
export function renderSessionForm(root: HTMLElement, open: (matchIds: string[]) => void): void {
  pageTitle(t('fcNewSession'));
  clear(root);
  const matches = h('input', { id: 'fc-matches', type: 'number', min: 1, max: 12, value: 2 });
  const seats = h('input', { id: 'fc-seats', type: 'number', min: 1, max: 8, value: 4 });
  const quarters = h('input', { id: 'fc-quarters', type: 'number', min: 1, max: 20, value: 20 });
  const timer = h('input', { id: 'fc-session-timer', type: 'number', min: 0, max: 3600, value: 0 });
  const seed = h('input', { id: 'fc-seed', maxlength: 128 });
  const staged = h('input', { id: 'fc-session-staged', type: 'checkbox', checked: true });
  const chat = h('input', { id: 'fc-session-chat', type: 'checkbox', checked: true });
  const error = h('p', { class: 'error', role: 'alert' });
  const create = async () => {
    error.textContent = '';
    try {
      const session = await createSession({
        matches: Number(matches.value),
        seats: Number(seats.value),
        quarters: Number(quarters.value),
        planningSeconds: Number(timer.value),
        stagedReveal: staged.checked,
        chat: chat.checked,
        ...(seed.value.trim() ? { seed: seed.value.trim() } : {}),
      });
      open(session.matches.map((m) => m.matchId));
    } catch (e) {
      error.textContent = String((e as Error).message);
    }
  };
  root.append(
    h(
      'main',
      { id: 'main', class: 'card fc-narrow' },
      h('h1', {}, t('fcNewSession')),
      h('p', { class: 'muted' }, t('fcSessionHint')),
      h('label', {}, t('fcMatches'), matches),
      h('label', {}, t('fcSeats'), seats),
      h('label', {}, t('fcQuarters'), quarters),
      h('label', {}, t('fcTimerSeconds'), timer),
      h('label', {}, t('fcSeed'), seed),
      h('label', { class: 'inline' }, staged, ` ${t('fcStagedReveal')}`),
      h('label', { class: 'inline' }, chat, ` ${t('fcSessionChat')}`),
      h('button', { class: 'primary', id: 'fc-create-session', onclick: () => void create() }, t('fcCreateSession')),
      error,
    ),
  );
}
