// The world canvas is 960 units wide; its height follows the screen it opens on. Where the page
// has room under the canvas's top (a desktop), the board grows taller, up to 960×600, and fills
// the world's column beside the orders; on a phone in landscape it keeps 960×440, which already
// takes the screen's width.

export const BOARD_WIDTH = 960;
export const MIN_HEIGHT = 440;
export const MAX_HEIGHT = 600;

/**
 * The canvas's height in its units for a box `boxWidth` pixels wide with `room` pixels of screen
 * below its top (what the controls under it leave): a multiple of 20 from 440 to 600.
 */
export function boardHeight(boxWidth: number, room: number): number {
  if (!(boxWidth > 0) || !(room > 0)) return MIN_HEIGHT;
  const fits = (BOARD_WIDTH * room) / boxWidth;
  return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.floor(fits / 20) * 20));
}
