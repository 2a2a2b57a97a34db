import { describe, expect, it } from 'vitest';
import { boardHeight } from '../../client/src/game/boardSize';

describe('the board’s height', () => {
  it('grows into the room under it on a desktop and keeps 440 on a phone in landscape', () => {
    // 1280×720: a 730 px wide box with 509 px under its top → as tall as allowed.
    expect(boardHeight(730, 509)).toBe(600);
    // A box with room for 960×500 (in steps of 20, rounded down).
    expect(boardHeight(960, 519)).toBe(500);
    // 844×390: the box starts below the header and the tabs, little room under it.
    expect(boardHeight(800, 124)).toBe(440);
    // Not laid out yet (a hidden box) or nonsense: the short board.
    expect([boardHeight(0, 500), boardHeight(730, -5), boardHeight(Number.NaN, 500)]).toEqual([440, 440, 440]);
  });
});
