import { describe, expect, it } from 'vitest';
import { setLocale } from '../../client/src/i18n/i18n';
import { describeRefusal } from '../../client/src/ui/refusals';

describe('refusals in the player’s language', () => {
  it('name the field and the limit the engine gave, written the locale’s way', () => {
    setLocale('de');
    expect(describeRefusal('AMOUNT_TOO_LARGE', 'buyCars is too large (1000000000 > 100000000).')).toBe('Autos kaufen ist zu groß: höchstens 100.000.000.');
    expect(describeRefusal('NEGATIVE_AMOUNT', 'aiTraining cannot be negative (got -3).')).toBe('KI-Training darf nicht negativ sein.');
    expect(describeRefusal('TOO_MANY_LAUNCHES', 'At most 4 launches per quarter.')).toBe('Höchstens 4 Starts pro Quartal.');
    // A code the catalog does not know never shows the engine's English sentence in German.
    expect(describeRefusal('SOMETHING_NEW', 'An English sentence.')).toBe('Der Server hat das abgelehnt (SOMETHING_NEW).');
    setLocale('en');
    expect(describeRefusal('AMOUNT_TOO_LARGE', 'buyCars is too large (1000000000 > 100000000).')).toBe('Cars to buy is too large: at most 100,000,000.');
    expect(describeRefusal('SOMETHING_NEW', 'An English sentence.')).toBe('An English sentence.');
  });
});
