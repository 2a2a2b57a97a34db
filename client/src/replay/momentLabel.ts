import type { Moment, MomentKind } from '../../../shared/replay/timeline';
import type { MessageKey } from '../i18n/en';
import { money, number, t } from '../i18n/i18n';
import type { ReportNames } from '../ui/reportPanel';

export const MOMENT_GROUPS: ReadonlyArray<[MomentKind, MessageKey]> = [
  ['loop', 'replayMomentLoops'],
  ['spectrum', 'replayMomentSpectrum'],
  ['shock', 'replayMomentShocks'],
  ['foundry', 'replayMomentFoundry'],
];

/** One line per moment, e.g. "Q7 · Ada · Robotaxi" or "Q5 · l-eu-1 → Bo ($1,200M)". */
export function momentLabel(m: Moment, names: ReportNames): string {
  const who = (seat: number | null) => (seat === null ? t('replayNobody') : names.seats[seat] ?? `#${seat}`);
  const q = `Q${m.quarter}`;
  switch (m.kind) {
    case 'loop':
      return `${q} · ${who(m.seat)} · ${t(m.line)}`;
    case 'spectrum':
      return `${q} · ${names.license(m.licenseId)} → ${m.winner === null ? t('replayUnsold') : `${who(m.winner)} (${money(m.price)})`}`;
    case 'foundry':
      return `${q} · ${m.priceUsd === null ? '—' : money(m.priceUsd)} · ${number(m.sold)} ${t('replayChips')}`;
    case 'shock':
      return `${q} · ${names.headline(m.cardId, m.headline)}`;
    default: {
      const _exhaustive: never = m;
      return _exhaustive;
    }
  }
}
