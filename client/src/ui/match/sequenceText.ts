import type { Step } from '../../game/timeline';
import { money, number, t, tf } from '../../i18n/i18n';

/** What a step of the quarter's sequence says: a title, a line of detail, and a label per bar. */
export interface StepText {
  title: string;
  detail: string;
  /** One label per bar of the step (a seat's name and its amount), in the step's bar order. */
  bars: string[];
  /** Whose colour the step is in (a seat), if any. */
  seat: number | null;
}

interface Names {
  seats: readonly string[];
  city: (id: string) => string;
  license: (id: string) => string;
  headline: (cardId: string, recorded: string) => string;
}

/** The words of each step, in the reader's language, with the names the reader knows. */
export function stepText(step: Step, names: Names): StepText {
  const who = (seat: number) => names.seats[seat] ?? `#${seat + 1}`;
  const bar = (unit: (v: number) => string) => (b: { seat: number; value: number }) => `${who(b.seat)} · ${unit(b.value)}`;
  const none = { bars: [], seat: null };
  switch (step.kind) {
    case 'shock':
      return { ...none, title: t('seq_shock'), detail: names.headline(step.cardId, step.headline) };
    case 'foundry':
      return {
        title: t('seq_foundry'),
        detail: tf('seq_foundryDetail', { sold: number(step.sold), supply: number(step.supply), price: step.priceUsd === null ? '—' : money(step.priceUsd) }),
        bars: step.bars.map(bar((v) => `${number(v)} ${t('chipsUnit')}`)),
        seat: null,
      };
    case 'spectrum':
      return {
        title: tf('seq_spectrum', { license: names.license(step.licenseId) }),
        detail: step.winner === null ? t('seq_spectrumNone') : tf('seq_spectrumWon', { who: who(step.winner), price: money(step.priceUsd), n: step.bidders }),
        bars: [],
        seat: step.winner,
      };
    case 'permits':
      return {
        title: tf('seq_permits', { city: names.city(step.cityId) }),
        detail: [step.granted.length ? tf('seq_permitsGranted', { who: step.granted.map(who).join(', ') }) : '', step.refused ? tf('seq_permitsRefused', { n: step.refused }) : ''].filter(Boolean).join(' · '),
        bars: [],
        seat: step.granted[0] ?? null,
      };
    case 'markets':
      return {
        title: t('seq_markets'),
        detail: t('seq_marketsDetail'),
        bars: [
          ...step.rides.map(bar((v) => `${number(v)} ${t('ridesUnit')}`)),
          ...step.robots.map(bar((v) => `${number(v)} ${t('seq_robotsSold')}`)),
          ...step.subscribers.map(bar((v) => `${number(v)} ${t('subsUnit')}`)),
        ],
        seat: null,
      };
    case 'valuation':
      return { title: t('seq_valuation'), detail: '', bars: step.bars.map(bar(money)), seat: null };
    case 'loop':
      return { title: tf('momentLoop', { who: who(step.seat), line: t(step.line) }), detail: t('seq_loopDetail'), bars: [], seat: step.seat };
    case 'end':
      return { title: tf('momentWinner', { who: who(step.winner) }), detail: step.reason === 'loops' ? t('seq_endLoops') : t('seq_endValuation'), bars: [], seat: step.winner };
  }
}
