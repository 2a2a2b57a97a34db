import type { MessageKey } from '../i18n/en';
import { money, seatName, t, tf } from '../i18n/i18n';
import type { MatchConnection, Reply } from '../net/connection';
import { h } from '../ui/dom';

export interface RosterMember {
  id: string;
  name: string;
  seat: number;
}

/** The teams: each seat with its students, who has locked, and the facilitator's seat actions. */
export function roster(conn: MatchConnection, say: (r: Reply) => void): HTMLElement {
  const s = conn.state;
  const members: RosterMember[] = s.members.toJSON();
  const players = s.players.toArray();
  const teamSeats = players.filter((p) => p.kind === 'human').map((p) => p.seat);
  const planning = s.status === 'planning';
  // A seat's chat, muted or not by the facilitator (the class-wide mute is in the controls).
  const mutedSeats = new Set(s.chatMutedSeats.toArray());
  const seatMute = (seat: number) => {
    const muted = mutedSeats.has(seat);
    return h(
      'button',
      { class: 'secondary fc-small-btn fc-mute-seat', 'aria-pressed': muted ? 'true' : 'false', 'data-seat': seat, onclick: async () => say(await conn.send(muted ? { type: 'UnmuteChat', data: { seat } } : { type: 'MuteChat', data: { seat } })) },
      muted ? t('fcUnmuteSeat') : t('fcMuteSeat'),
    );
  };
  const rows = players.map((p) => {
    const team = members.filter((m) => m.seat === p.seat);
    const state =
      p.kind === 'bot'
        ? `${t('fcBotSeat')} · ${t(`strategy_${p.strategy}` as MessageKey)}`
        : p.autopilot
          ? t('fcAway')
          : p.kind === 'open'
            ? '—'
            : planning
              ? p.locked
                ? `✓ ${t('fcLocked')}`
                : `… ${t('fcPlanning')}`
              : '';
    const memberChips = team.map((m) =>
      h(
        'span',
        { class: 'fc-member', 'data-member': m.name },
        m.name,
        teamSeats.length > 1
          ? h(
              'select',
              {
                'aria-label': `${t('fcMoveTo')} (${m.name})`,
                onchange: async (e: Event) => {
                  const to = Number((e.target as HTMLSelectElement).value);
                  if (to !== m.seat) say(await conn.moveMember(m.id, to));
                },
              },
              ...teamSeats.map((seat) => h('option', { value: seat, selected: seat === m.seat }, `→ ${seat + 1}`)),
            )
          : null,
        h(
          'button',
          {
            class: 'secondary fc-small-btn',
            'aria-label': `${t('fcRemoveStudent')} (${m.name})`,
            onclick: async () => {
              if (confirm(tf('fcRemoveConfirm', { name: m.name }))) say(await conn.revokeMember(m.id));
            },
          },
          t('fcRemoveStudent'),
        ),
      ),
    );
    return h(
      'tr',
      { class: p.locked && planning ? 'fc-locked' : '', 'data-seat': p.seat },
      h('td', { class: 'fc-seatno' }, String(p.seat + 1)),
      h('td', {}, h('strong', {}, p.name ? seatName(p.name) : '—'), h('div', { class: 'fc-members' }, ...(team.length ? memberChips : [h('span', { class: 'muted' }, p.kind === 'human' ? t('fcNoStudents') : '')]))),
      h('td', { class: 'fc-state' }, state),
      h('td', { class: 'fc-num' }, s.status === 'lobby' ? '' : money(p.valuation)),
      h('td', { class: 'fc-num' }, s.status === 'lobby' ? '' : `${p.loopsClosed} ⟳`),
      h(
        'td',
        {},
        p.kind !== 'bot' && s.status !== 'ended'
          ? h('button', { class: 'secondary fc-small-btn', onclick: async () => say(await conn.send({ type: 'ReplaceSeat', data: { seat: p.seat, bot: { strategy: 'balanced', difficulty: 'normal' } } })) }, t('fcHandToBot'))
          : null,
        p.kind === 'human' && s.status !== 'ended' && !s.chatOff ? seatMute(p.seat) : null,
      ),
    );
  });
  const locked = players.filter((p) => p.locked).length;
  return h(
    'section',
    { class: 'card fc-roster', id: 'roster' },
    h('h2', {}, t('fcTeams'), planning ? h('span', { class: 'fc-count', id: 'locked-count' }, ` ${locked}/${players.length} ${t('fcLocked')}`) : null),
    h('table', {}, ...rows),
  );
}
