import type { MessageKey } from '../i18n/en';
import { t } from '../i18n/i18n';
import { clear, h } from './dom';

/** The server's refusal as `CODE: text` (a Colyseus join error), split apart. */
export function joinRefusal(message: string): { code: string | null; seconds: number | null; text: string } {
  const m = /^([A-Z_]{3,}): (.*)$/s.exec(message);
  const seconds = /in (\d+) s\b/.exec(message);
  return { code: m ? m[1]! : null, seconds: seconds ? Number(seconds[1]) : null, text: m ? m[2]! : message };
}

const KNOWN: Record<string, MessageKey> = {
  JOINING_CLOSED: 'joinClosed',
  FLOOD_COOLDOWN: 'joinCooldown',
  INVALID_SEAT_TOKEN: 'joinTokenInvalid',
  MATCH_NOT_FOUND: 'joinNotFound',
  MATCH_EXPIRED: 'joinExpired',
  JOIN_RATE_LIMITED: 'joinRateLimited',
};

/**
 * A match that could not be opened, said in the player's language with a way on (back to the
 * lobby, or watching instead when the class is closed to newcomers); focus lands on the first.
 */
export function renderJoinError(root: HTMLElement, error: unknown, actions: { back(): void; watch(): void }): void {
  const r = joinRefusal(String((error as Error)?.message ?? error));
  const key = r.code ? KNOWN[r.code] : undefined;
  const said = key ? t(key).replace('{s}', String(r.seconds ?? 0)) : r.text;
  const back = h('button', { class: 'primary', id: 'join-error-back', onclick: () => actions.back() }, t('back'));
  clear(root);
  root.append(
    h(
      'main',
      { class: 'lobby', id: 'main' },
      h('section', { class: 'card', role: 'alert' }, h('h1', {}, t('joinFailed')), h('p', { id: 'join-error' }, said), h('div', { class: 'row' }, back, r.code === 'JOINING_CLOSED' ? h('button', { class: 'secondary', onclick: () => actions.watch() }, t('watch')) : null)),
    ),
  );
  back.focus();
}
