import { de } from './de';
import { en, type MessageKey } from './en';

export type Locale = 'en' | 'de';
const catalogs: Record<Locale, Record<MessageKey, string>> = { en, de };
const STORAGE_KEY = 'closed-loop.locale';

let locale: Locale = 'en';

/** The page's language follows the chosen one at once, for screen readers and hyphenation. */
const markPage = () => {
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
};

export function initLocale(stored: string | null, browser: string): Locale {
  locale = stored === 'de' || stored === 'en' ? stored : browser.toLowerCase().startsWith('de') ? 'de' : 'en';
  markPage();
  return locale;
}

export function setLocale(next: Locale, storage?: Pick<Storage, 'setItem'>): void {
  locale = next;
  storage?.setItem(STORAGE_KEY, next);
  markPage();
}

/** The browser tab's title: where the player is, then the game's name. */
export function pageTitle(...where: string[]): void {
  if (typeof document !== 'undefined') document.title = [...where.filter(Boolean), 'Closed Loop'].join(' · ');
}

export function currentLocale(): Locale {
  return locale;
}

export const LOCALE_STORAGE_KEY = STORAGE_KEY;

export function t(key: MessageKey): string {
  return catalogs[locale][key];
}

/** A catalog string with its "{q}" / "{n}" / "{who}" / "{line}" slots filled. */
export function tf(key: MessageKey, slots: Record<string, string | number>): string {
  return Object.entries(slots).reduce((s, [k, v]) => s.split(`{${k}}`).join(String(v)), t(key));
}

const formats = new Map<string, Intl.NumberFormat>();
const usdFormat = (compact: boolean, digits: number): Intl.NumberFormat => {
  const key = `${locale}:${compact}:${digits}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', { style: 'currency', currency: 'USD', notation: compact ? 'compact' : 'standard', minimumFractionDigits: digits, maximumFractionDigits: digits });
    formats.set(key, f);
  }
  return f;
};

/** Dollars the way the chosen locale writes them: "$12.3B" / "12,3 Mrd. $", "$450M", "$12,000". */
export function money(usd: number): string {
  const abs = Math.abs(usd);
  return usdFormat(abs >= 1e6, abs >= 1e9 ? 1 : 0).format(usd);
}

/** A price with its cents, the locale's way: "$13.94" / "13,94 $". */
export function moneyCents(usd: number): string {
  return usdFormat(false, 2).format(usd);
}

export function number(n: number, digits = 0): string {
  return new Intl.NumberFormat(locale === 'de' ? 'de-DE' : 'en-US', { maximumFractionDigits: digits }).format(n);
}

/**
 * A seat's name as the reader's language says it. The server names the bots it seats
 * "Bot N (strategy)" in the log; that strategy is shown translated. Players' names stay as typed.
 */
export function seatName(name: string): string {
  const bot = /^Bot (\d+) \(([a-z]+)\)$/.exec(name);
  const key = bot ? (`strategy_${bot[2]}` as MessageKey) : null;
  return bot && key && key in catalogs[locale] ? `Bot ${bot[1]} (${t(key)})` : name;
}
