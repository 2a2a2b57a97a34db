import { currentLocale } from '../i18n/i18n';

// The engine's refusal codes in plain words; anything not listed shows the server's sentence.
const WORDS: Record<string, { en: string; de: string }> = {
  INSUFFICIENT_CASH: { en: 'These orders cost more than the cash you have.', de: 'Diese Aufträge kosten mehr, als du in der Kasse hast.' },
  ORDERS_LOCKED: { en: 'Your orders are locked. Unlock them to change them.', de: 'Deine Aufträge sind festgelegt. Gib sie frei, um sie zu ändern.' },
  MATCH_PAUSED: { en: 'The facilitator has paused the match.', de: 'Die Spielleitung hat die Partie angehalten.' },
  STALE_QUARTER: { en: 'That quarter is over; your screen has caught up now.', de: 'Dieses Quartal ist vorbei; dein Bildschirm ist jetzt aktuell.' },
  BID_BELOW_RESERVE: { en: 'A bid is below the reserve price.', de: 'Ein Gebot liegt unter dem Mindestpreis.' },
  RATE_LIMITED: { en: 'Slow down a little.', de: 'Etwas langsamer, bitte.' },
  WRONG_PHASE: { en: 'Not possible right now.', de: 'Gerade nicht möglich.' },
  RESULTS_HELD: { en: 'The facilitator reveals last quarter’s results first; then planning goes on.', de: 'Die Spielleitung gibt zuerst die Ergebnisse des letzten Quartals frei; dann geht die Planung weiter.' },
};

export function describeRefusal(code: string, message: string): string {
  const words = WORDS[code];
  return words ? words[currentLocale()] : message;
}
