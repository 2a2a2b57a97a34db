import type { MessageKey } from '../i18n/en';
import { currentLocale, number, t } from '../i18n/i18n';

// The engine's and the room's refusal codes in plain words, in the player's language. A text may
// name the order's field ({field}, from the catalog when it has the field's label) and a limit
// ({n}, {max}) read from the server's sentence and written the locale's way.
const WORDS: Record<string, { en: string; de: string }> = {
  INSUFFICIENT_CASH: { en: 'These orders cost more than the cash you have.', de: 'Diese Aufträge kosten mehr, als du in der Kasse hast.' },
  ORDERS_LOCKED: { en: 'Your orders are locked. Unlock them to change them.', de: 'Deine Aufträge sind festgelegt. Gib sie frei, um sie zu ändern.' },
  NOT_LOCKED: { en: 'Your orders are not locked.', de: 'Deine Aufträge sind nicht festgelegt.' },
  MATCH_PAUSED: { en: 'The facilitator has paused the match.', de: 'Die Spielleitung hat die Partie angehalten.' },
  STALE_QUARTER: { en: 'That quarter is over; your screen has caught up now.', de: 'Dieses Quartal ist vorbei; dein Bildschirm ist jetzt aktuell.' },
  BID_BELOW_RESERVE: { en: 'A bid is below the reserve price.', de: 'Ein Gebot liegt unter dem Mindestpreis.' },
  BID_ABOVE_CEILING: { en: 'The foundry sells chips at most at its list price of ${n}.', de: 'Die Foundry verkauft Chips höchstens zu ihrem Listenpreis von {n} $.' },
  RATE_LIMITED: { en: 'Slow down a little.', de: 'Etwas langsamer, bitte.' },
  CHAT_RATE_LIMITED: { en: 'Slow down: at most 5 messages in 10 seconds.', de: 'Etwas langsamer: höchstens 5 Nachrichten in 10 Sekunden.' },
  CHAT_TOO_LONG: { en: 'A message holds at most 280 characters.', de: 'Eine Nachricht hat höchstens 280 Zeichen.' },
  CHAT_EMPTY: { en: 'Write something first.', de: 'Schreib zuerst etwas.' },
  CHAT_INVALID: { en: 'A message may not contain line breaks or control characters.', de: 'Eine Nachricht darf keine Zeilenumbrüche oder Steuerzeichen enthalten.' },
  CHAT_OFF: { en: 'Chat is turned off in this match.', de: 'Der Chat ist in dieser Partie ausgeschaltet.' },
  CHAT_MUTED: { en: 'The facilitator has muted the chat for you.', de: 'Die Spielleitung hat den Chat für dich stummgeschaltet.' },
  WRONG_PHASE: { en: 'Not possible right now.', de: 'Gerade nicht möglich.' },
  RESULTS_HELD: { en: 'The facilitator reveals last quarter’s results first; then planning goes on.', de: 'Die Spielleitung gibt zuerst die Ergebnisse des letzten Quartals frei; dann geht die Planung weiter.' },
  NEGATIVE_AMOUNT: { en: '{field} cannot be negative.', de: '{field} darf nicht negativ sein.' },
  NOT_INTEGER: { en: '{field} must be a whole number.', de: '{field} muss eine ganze Zahl sein.' },
  NOT_FINITE: { en: '{field} must be a number.', de: '{field} muss eine Zahl sein.' },
  AMOUNT_TOO_LARGE: { en: '{field} is too large: at most {max}.', de: '{field} ist zu groß: höchstens {max}.' },
  PRICE_TOO_LOW: { en: '{field} must be above zero.', de: '{field} muss über null liegen.' },
  CROSSING_ORDERS: { en: 'You cannot buy and sell actuators in the same quarter.', de: 'Du kannst Aktuatoren nicht im selben Quartal kaufen und verkaufen.' },
  TOO_MANY_LAUNCHES: { en: 'At most {n} launches per quarter.', de: 'Höchstens {n} Starts pro Quartal.' },
  TOO_MANY_PLANTS: { en: 'At most {n} actuator plants can be started per quarter.', de: 'Höchstens {n} Aktuatorwerke können pro Quartal begonnen werden.' },
  TOO_MANY_ROBOT_LINES: { en: 'At most {n} robot lines can be started per quarter.', de: 'Höchstens {n} Roboterlinien können pro Quartal begonnen werden.' },
  TOO_MANY_PERMITS: { en: 'A company may hold at most {n} city permits.', de: 'Ein Unternehmen darf höchstens {n} Stadtlizenzen halten.' },
  TOO_MANY_BIDS: { en: 'You can bid for at most {n} licenses in one quarter.', de: 'Du kannst in einem Quartal für höchstens {n} Lizenzen bieten.' },
  LICENSE_NOT_FOR_SALE: { en: 'That license is not up for auction this quarter.', de: 'Diese Lizenz wird in diesem Quartal nicht versteigert.' },
  UNKNOWN_CITY: { en: 'There is no such city in this match.', de: 'Diese Stadt gibt es in dieser Partie nicht.' },
  UNKNOWN_LICENSE: { en: 'There is no such license in this match.', de: 'Diese Lizenz gibt es in dieser Partie nicht.' },
  MATCH_ENDED: { en: 'The match is over.', de: 'Die Partie ist vorbei.' },
  SEAT_NOT_YOURS: { en: 'That seat is not yours.', de: 'Dieser Platz gehört dir nicht.' },
  NOT_ALLOWED: { en: 'That is not yours to do.', de: 'Das darfst du hier nicht.' },
  READ_ONLY: { en: 'Spectators watch; they cannot send orders.', de: 'Zuschauer schauen zu; sie können keine Aufträge senden.' },
  MALFORMED_COMMAND: { en: 'The game could not read these orders. Reload the page and try again.', de: 'Das Spiel konnte diese Aufträge nicht lesen. Lade die Seite neu und versuche es noch einmal.' },
  TOO_LARGE: { en: 'These orders are too large to send.', de: 'Diese Aufträge sind zu groß zum Senden.' },
  MATCH_CLOSED: { en: 'The server is restarting; join again in a moment.', de: 'Der Server startet neu; tritt gleich noch einmal bei.' },
  MATCH_MOVED: { en: 'The match moved to another server; reload the page.', de: 'Die Partie ist auf einen anderen Server umgezogen; lade die Seite neu.' },
  STORE_UNAVAILABLE: { en: 'The match could not be saved; nothing changed. Try again in a moment.', de: 'Die Partie konnte nicht gespeichert werden; nichts hat sich geändert. Versuche es gleich noch einmal.' },
};

/** The order's field a sentence begins with, by its label when the catalog has one. */
function fieldLabel(message: string): string {
  const path = /^([\w.]+)/.exec(message)?.[1] ?? '';
  const last = path.split('.').pop() ?? '';
  for (const key of [path, last]) {
    const label = key && (t(key as MessageKey) as string | undefined);
    if (label) return label;
  }
  return path;
}

export function describeRefusal(code: string, message: string): string {
  const words = WORDS[code];
  if (!words) return currentLocale() === 'en' ? message : `Der Server hat das abgelehnt (${code}).`;
  const numbers = [...message.matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
  return words[currentLocale()]
    .replace('{field}', fieldLabel(message))
    .replace('{max}', numbers.length > 0 ? number(numbers[numbers.length - 1]!) : '')
    .replace('{n}', numbers.length > 0 ? number(numbers[0]!) : '');
}
