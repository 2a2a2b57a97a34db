import type Phaser from 'phaser';
import type { FactoryRow } from '../factoryModel';
import type { WorldModel } from '../worldModel';
import { badgeCentre, drawFoundry, FOUNDRY, foundryFrame, seatColor } from './foundryPanel';
import { CanvasTips, icon, INK, label, LANE_COLORS, MUTED, TRACK, type Place, type WorldView } from './theme';

export interface FactoryWords {
  title: string;
  subtitle: string;
  foundry: string;
  perChip: string;
  offered: (supply: number, sold: number) => string;
  noAuction: string;
  chipsWon: string;
  generation: string;
  sold: string;
  atWork: string;
  soldLast: string;
  /** Short heads for the own books on a strip. */
  short: { plants: string; lines: string; actuators: string; stock: string };
  plants: string;
  robotLines: string;
  actuators: string;
  inventory: string;
  deployed: string;
  fleet: string;
  building: string;
  chips: string;
  tips: { price: string; offered: string; chips: string; generation: string; sold: string; atWork: string; cars: string; books: string };
  count: (n: number) => string;
  price: (usd: number) => string;
}

// The strips' columns, in canvas units.
const X0 = 280;
const X1 = 950;
const TOP = 100;
const FACTORY_X = 450;
const BELT_FROM = 474;
const BELT_TO = 780;
const MARKET_X = 797;
const SOLD_X = 872;
const WORK_X = 944;
const WALK_MS = 7000;
const BURST_MS = 1600;

interface Walker {
  img: Phaser.GameObjects.Image;
  y: number;
  phase: number;
}
interface Burst {
  seat: number;
  /** When it started on the motion clock; null until the next tick starts it. */
  start: number | null;
  img?: Phaser.GameObjects.Image;
  x: number;
  y: number;
}

/** The strips' rows: from under the heads to the bottom, at most 80 units high. */
export function stripBox(i: number, seats: number, height: number): { y: number; h: number } {
  const h = Math.min(80, (height - 10 - TOP) / Math.max(1, seats));
  return { y: TOP + i * h, h };
}

/**
 * Every company's robot business at a glance, over the shared chip foundry: a strip per seat with
 * its factory, robots walking out to the market (more sold and at work, more walkers) and its public
 * numbers; the reader's own strip (every strip once the books are open) adds plants, lines and
 * stock. On the left, last quarter's chip auction and each seat's chip generation; a generation
 * that goes up flashes a tape-out.
 */
export class FactoryView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly layer: Phaser.GameObjects.Container;
  private readonly bursting: Phaser.GameObjects.Container;
  private readonly fx: Phaser.GameObjects.Graphics;
  private readonly tips: CanvasTips;
  private walkers: Walker[] = [];
  private bursts: Burst[] = [];
  private readonly levels = new Map<number, number>();
  private placed: Place[] = [];
  private now = 0;

  constructor(private readonly scene: Phaser.Scene, private readonly words: FactoryWords) {
    const { height } = scene.scale;
    this.tips = new CanvasTips(scene);
    const bg = scene.add.graphics();
    bg.fillStyle(LANE_COLORS.robots, 0.05);
    bg.fillRoundedRect(X0 - 4, 10, X1 - X0 + 4, height - 20, 14);
    this.layer = scene.add.container(0, 0);
    this.bursting = scene.add.container(0, 0);
    this.fx = scene.add.graphics();
    this.root = scene.add.container(0, 0, [
      bg,
      ...foundryFrame(scene, bg, words),
      icon(scene, X0 + 16, 27, 'factory', 26, LANE_COLORS.robots),
      label(scene, X0 + 36, 17, words.title, 17, INK, true),
      label(scene, X0 + 12, 44, words.subtitle, 13, MUTED),
      label(scene, SOLD_X, FOUNDRY.heads, words.sold, 12, MUTED).setOrigin(1, 0),
      label(scene, WORK_X, FOUNDRY.heads, words.atWork, 12, MUTED).setOrigin(1, 0),
      this.layer,
      this.fx,
      this.bursting,
    ]);
  }

  places(): Place[] {
    return this.placed;
  }

  draw(model: WorldModel): void {
    const { height } = this.scene.scale;
    this.layer.removeAll(true);
    this.walkers = [];
    const rows = model.factories.rows;
    const box = (i: number) => stripBox(i, rows.length, height);
    const g = this.scene.add.graphics();
    this.layer.add(g);
    this.placed = [drawFoundry(this.scene, this.layer, this.tips, model.factories, box, this.words)];
    rows.forEach((row, i) => this.placed.push(this.strip(g, row, box(i))));
    this.walk(this.now, true);
    this.noteTapeOuts(rows, box);
  }

  /** One seat's strip: name, fleet, factory, the belt to the market, robots sold and at work. */
  private strip(g: Phaser.GameObjects.Graphics, row: FactoryRow, { y, h }: { y: number; h: number }): Place {
    const { scene, words: w } = this;
    const color = seatColor(row.seat);
    const cy = y + h / 2;
    g.fillStyle(color, row.focus ? 0.16 : 0.07);
    g.fillRoundedRect(X0, y + 1, X1 - X0, h - 3, 8);
    if (row.focus) {
      g.lineStyle(1.5, 0xffffff, 0.45);
      g.strokeRoundedRect(X0, y + 1, X1 - X0, h - 3, 8);
    }
    g.fillStyle(color, 1);
    g.fillCircle(X0 + 13, cy - 8, 5);
    const cars = label(scene, X0 + 40, cy + 1, w.count(row.cars), 13, MUTED);
    const name = label(scene, X0 + 24, cy - 17, row.name, 13, INK, row.focus);
    // A long name is cut short of the factory.
    for (let n = row.name.length - 1; name.width > FACTORY_X - 22 - (X0 + 24) && n > 3; n--) name.setText(`${row.name.slice(0, n)}…`);
    this.layer.add([name, icon(scene, X0 + 30, cy + 9, 'car', 16, 0x9fb0c8), cars]);
    this.tips.attach(cars, () => w.tips.cars);
    this.layer.add(icon(scene, FACTORY_X, cy, 'factory', Math.min(34, h - 8), color));
    // With books, they take the strip's upper line and the belt runs under them.
    const size = Math.min(18, h * 0.4);
    const booksY = cy - (17 + size) / 2 - 1;
    const walkY = row.books ? booksY + 17 + size / 2 : cy;
    const beltY = walkY + size / 2 + 1;
    if (row.books) {
      const b = row.books;
      const n = (now: number, later: number) => `${w.count(now)}${later ? ` (+${w.count(later)})` : ''}`;
      const parts = [`${w.short.plants} ${n(b.plants, b.plantsBuilding)}`, `${w.short.lines} ${n(b.lines, b.linesBuilding)}`, `${w.short.actuators} ${w.count(b.actuators)}`, `${w.short.stock} ${w.count(b.inventory)}`];
      const books = label(scene, BELT_FROM, booksY, parts.join('  ·  '), 13, INK);
      // Big numbers close up rather than run off the strip.
      if (books.width > X1 - 8 - BELT_FROM) books.setText(parts.join(' · '));
      this.layer.add(books);
      this.tips.attach(books, () => w.tips.books);
    }
    g.lineStyle(3, TRACK, 1);
    g.lineBetween(BELT_FROM, beltY, BELT_TO, beltY);
    g.fillStyle(0x2c3e5c, 1);
    for (let x = BELT_FROM + 6; x < BELT_TO; x += 18) g.fillCircle(x, beltY, 2);
    for (let k = 0; k < row.walkers; k++) {
      const img = icon(scene, BELT_FROM, walkY, 'robot', size, color);
      this.layer.add(img);
      // Spread evenly along the belt; each seat's crowd a little out of step with the others.
      this.walkers.push({ img, y: walkY, phase: k / row.walkers + row.seat * 0.137 });
    }
    const sold = label(scene, SOLD_X, walkY, row.sold === null ? '—' : w.count(row.sold), 14, INK, true).setOrigin(1, 0.5);
    const atWork = label(scene, WORK_X, walkY, w.count(row.deployed), 14, MUTED, true).setOrigin(1, 0.5);
    this.layer.add([icon(scene, MARKET_X, walkY, 'city', Math.min(22, size + 6), 0x9fb0c8), sold, atWork]);
    this.tips.attach(sold, () => w.tips.sold);
    this.tips.attach(atWork, () => w.tips.atWork);
    const building = (now: number, later: number) => `${w.count(now)}${later ? ` (+${w.count(later)} ${w.building})` : ''}`;
    return {
      id: `strip-${row.seat}`,
      name: row.name,
      x: X0,
      y: y + 1,
      width: X1 - X0,
      height: h - 3,
      details: [
        `${w.deployed}: ${w.count(row.deployed)}`,
        `${w.soldLast}: ${row.sold === null ? '—' : w.count(row.sold)}`,
        `${w.fleet}: ${w.count(row.cars)}`,
        ...(row.books
          ? [
              `${w.plants}: ${building(row.books.plants, row.books.plantsBuilding)} · ${w.robotLines}: ${building(row.books.lines, row.books.linesBuilding)}`,
              `${w.actuators}: ${w.count(row.books.actuators)} · ${w.inventory}: ${w.count(row.books.inventory)}`,
            ]
          : []),
      ],
    };
  }

  /** A seat whose chip generation went up since the last draw gets a tape-out burst on its badge. */
  private noteTapeOuts(rows: readonly FactoryRow[], box: (i: number) => { y: number; h: number }): void {
    const live = this.bursts.filter((b) => b.start === null || this.now - b.start < BURST_MS);
    this.bursting.removeAll(true);
    this.bursts = [];
    rows.forEach((row, i) => {
      const before = this.levels.get(row.seat);
      this.levels.set(row.seat, row.generationLevel);
      const going = live.find((b) => b.seat === row.seat);
      if (!going && !(before !== undefined && row.generationLevel > before)) return;
      const { y, h } = box(i);
      const at = badgeCentre(y + h / 2);
      const img = icon(this.scene, at.x, at.y, 'chip', 24, seatColor(row.seat)).setVisible(false);
      this.bursting.add(img);
      this.bursts.push({ seat: row.seat, start: going?.start ?? null, img, ...at });
    });
  }

  /** The robots on their belts at `time` (they loop on the motion clock and bob while it runs). */
  private walk(time: number, still: boolean): void {
    for (const w of this.walkers) {
      const p = (time / WALK_MS + w.phase) % 1;
      const bob = still ? 0 : Math.abs(Math.sin(time / 130 + w.phase * 40)) * 1.5;
      w.img.setPosition(BELT_FROM + 8 + p * (BELT_TO - BELT_FROM - 16), w.y - bob).setAlpha(Math.min(1, p * 8, (1 - p) * 8));
    }
  }

  tick(time: number, still: boolean): void {
    this.now = time;
    this.walk(time, still);
    this.fx.clear();
    for (const b of this.bursts) {
      // A tape-out is a burst only while motion runs; otherwise the new badge is simply there.
      if (b.start === null) b.start = still ? -Infinity : time;
      const k = (time - b.start) / BURST_MS;
      const on = !still && k < 1;
      b.img?.setVisible(on);
      if (!on) continue;
      b.img?.setDisplaySize(24 * (1 + 0.3 * Math.sin(k * Math.PI * 6)), 24 * (1 + 0.3 * Math.sin(k * Math.PI * 6))).setAlpha(1 - k * 0.5);
      this.fx.lineStyle(3, seatColor(b.seat), 1 - k);
      this.fx.strokeCircle(b.x, b.y, 14 + k * 34);
    }
  }
}
