import type { Locale } from '../i18n/i18n';

// How quick match, the leaderboard and the profile write their figures, per language.

/** A place as a word of order: "1st", "2nd", "3rd", "11th", "22nd" in English; "1.", "2." in German. */
export function ordinal(n: number, locale: Locale): string {
  if (locale === 'de') return `${n}.`;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** A rating's change with its sign: "+12", "−8" (a real minus sign), "±0". */
export function ratingChange(change: number): string {
  const r = Math.round(change);
  return r > 0 ? `+${r}` : r < 0 ? `\u2212${-r}` : '±0';
}

/** Waiting time counted up: "0:07", "1:05", "1:02:03" after an hour. */
export function waitingTime(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/** A moment of the server's (milliseconds, or seconds when the number is too small to be milliseconds) as a Date. */
export function serverTime(at: number): Date {
  return new Date(at < 1e11 ? at * 1000 : at);
}

/** A match's day and time, the locale's way: "7 Dec 2026, 18:50" / "07.12.2026, 18:50". */
export function matchDate(at: number, locale: Locale, timeZone?: string): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) }).format(serverTime(at));
}
