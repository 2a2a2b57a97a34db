import { de } from './de';
import { en, type MessageKey } from './en';

export type Locale = 'en' | 'de';
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, de };
const STORAGE_KEY = 'closed-loop.locale';

let locale: Locale = 'en';

export function initLocale(stored: string | null, browser: string): Locale {
  locale = stored === 'de' || stored === 'en' ? stored : browser.toLowerCase().startsWith('de') ? 'de' : 'en';
  return locale;
}

export function setLocale(next: Locale, storage?: Pick<Storage, 'setItem'>): void {
  locale = next;
  storage?.setItem(STORAGE_KEY, next);
}

export function currentLocale(): Locale {
  return locale;
}

export const LOCALE_STORAGE_KEY = STORAGE_KEY;

export function t(key: MessageKey): string {
  return catalogs[locale][key];
}

/** Whole dollars as "$12.3B" / "$450M" / "$12,000" in the chosen locale. */
export function money(usd: number): string {
  const abs = Math.abs(usd);
  const nf = (digits: number) => new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
  if (abs >= 1e9) return `$${nf(1).format(usd / 1e9)}${locale === 'de' ? ' Mrd.' : 'B'}`;
  if (abs >= 1e6) return `$${nf(0).format(usd / 1e6)}${locale === 'de' ? ' Mio.' : 'M'}`;
  return `$${nf(0).format(usd)}`;
}

export function number(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', { maximumFractionDigits: digits }).format(n);
}
