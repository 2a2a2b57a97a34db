import type Phaser from 'phaser';
import type { FactoriesModel } from '../factoryModel';
import type { FactoryWords } from './FactoryView';
import { CanvasTips, icon, INK, label, MUTED, SEAT_COLORS, TRACK, type Place } from './theme';

/** The foundry's column on the left of the factories view, in canvas units. */
export const FOUNDRY = { x: 10, width: 260, heads: 82 } as const;
const BADGE_X = 22;
const BAR_X = 72;
const BAR_W = 128;
const NUMBER_X = 260;
const CHIP_GREY = 0xcfd8e6;

export const seatColor = (seat: number): number => SEAT_COLORS[seat % SEAT_COLORS.length]!;

/** The foundry's fixed part: its panel, title and the heads of its columns. */
export function foundryFrame(scene: Phaser.Scene, bg: Phaser.GameObjects.Graphics, words: FactoryWords): Phaser.GameObjects.GameObject[] {
  const { height } = scene.scale;
  bg.fillStyle(0x9fb0c8, 0.09);
  bg.fillRoundedRect(FOUNDRY.x, 10, FOUNDRY.width, height - 20, 14);
  return [
    icon(scene, 32, 27, 'chip', 26, CHIP_GREY),
    label(scene, 52, 17, words.foundry, 17, INK, true),
    label(scene, BADGE_X + 21, FOUNDRY.heads, words.generation, 12, MUTED).setOrigin(0.5, 0),
    label(scene, BAR_X, FOUNDRY.heads, words.chipsWon, 12, MUTED),
  ];
}

/**
 * Last quarter's chip auction: the clearing price, chips offered and sold, and per seat (on the
 * row of its factory strip) its chip generation as a badge and the chips it won as a bar.
 * Returns the foundry as a place to zoom to.
 */
export function drawFoundry(
  scene: Phaser.Scene,
  layer: Phaser.GameObjects.Container,
  tips: CanvasTips,
  model: FactoriesModel,
  rowBox: (i: number) => { y: number; h: number },
  words: FactoryWords,
): Place {
  const { height } = scene.scale;
  const f = model.foundry;
  const g = scene.add.graphics();
  layer.add(g);
  if (f) {
    const price = label(scene, BADGE_X, 40, f.priceUsd === null ? '—' : words.price(f.priceUsd), 18, INK, true);
    const offered = label(scene, BADGE_X, 63, words.offered(f.supply, f.sold), 13, MUTED);
    // Only a match far beyond the default scenario's supply needs this: the line stays in its panel.
    if (offered.width > FOUNDRY.width - 24) offered.setScale((FOUNDRY.width - 24) / offered.width);
    layer.add([price, offered]);
    if (f.priceUsd !== null) layer.add(label(scene, BADGE_X + price.width + 6, 44, words.perChip, 13, MUTED));
    tips.attach(price, () => words.tips.price);
    tips.attach(offered, () => words.tips.offered);
  } else layer.add(label(scene, BADGE_X, 46, words.noAuction, 14, MUTED));
  const most = Math.max(1, ...(f?.won ?? []));
  model.rows.forEach((row, i) => {
    const { y, h } = rowBox(i);
    const cy = y + h / 2;
    const color = seatColor(row.seat);
    g.fillStyle(0x0d1321, 0.9);
    g.fillRoundedRect(BADGE_X, cy - 10, 42, 20, 6);
    g.lineStyle(1.5, color, 1);
    g.strokeRoundedRect(BADGE_X, cy - 10, 42, 20, 6);
    const badge = label(scene, BADGE_X + 21, cy, row.generation, 13, INK, true).setOrigin(0.5);
    layer.add(badge);
    tips.attach(badge, () => words.tips.generation);
    if (!f) return;
    const won = f.won[i] ?? 0;
    g.fillStyle(TRACK, 1);
    g.fillRoundedRect(BAR_X, cy - 5, BAR_W, 10, 5);
    if (won > 0) {
      g.fillStyle(color, 1);
      g.fillRoundedRect(BAR_X, cy - 5, Math.max(10, (BAR_W * won) / most), 10, 5);
    }
    const chips = label(scene, NUMBER_X, cy, words.count(won), 13, won > 0 ? INK : MUTED).setOrigin(1, 0.5);
    layer.add(chips);
    tips.attach(chips, () => words.tips.chips);
  });
  const won = f ? model.rows.map((row, i) => `${row.name} ${words.count(f.won[i] ?? 0)}`) : [];
  const gens = model.rows.map((row) => `${row.name} ${row.generation}`);
  const chunks = (items: string[]) => [items.slice(0, 4), items.slice(4)].filter((c) => c.length).map((c) => c.join(' · '));
  return {
    id: 'foundry',
    name: words.foundry,
    x: FOUNDRY.x,
    y: 10,
    width: FOUNDRY.width,
    height: height - 20,
    details: f
      ? [`${f.priceUsd === null ? '—' : words.price(f.priceUsd)} ${words.perChip}`, words.offered(f.supply, f.sold), ...chunks(won).map((c) => `${words.chipsWon}: ${c}`)]
      : [words.noAuction, ...chunks(gens)],
  };
}

/** Where a seat's generation badge sits, for the tape-out burst. */
export const badgeCentre = (cy: number): { x: number; y: number } => ({ x: BADGE_X + 21, y: cy });
