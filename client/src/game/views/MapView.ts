import Phaser from 'phaser';
import type { CityModel, WorldModel } from '../worldModel';
import { cardPosition, carsShown, project, type RegionSpot } from '../mapModel';
import { LAND } from './mapArt';
import { BAD_INK, CanvasTips, INK, label, LANE_COLORS, LINE_ICONS, loopRing, MUTED, SEAT_COLORS, TRACK, viewFrame, type Place, type WorldView } from './theme';

export interface MapWords {
  title: string;
  needs: string;
  yourAutonomy: string;
  open: string;
  unsold: string;
  auctionNow: string;
  bands: { L: string; S: string };
  permits: string;
  cars: string;
  rides: string;
  demand: string;
  paused: string;
  satellites: string;
  subscribers: string;
  noFootprint: string;
  lookCloser: string;
  count: (n: number) => string;
  price: (usd: number) => string;
}

// The map's box inside the canvas (960 wide), under the title and above the legend or the race panel.
const MAP = { x: 16, y: 44, w: 928, h: 340 };
const CARD = { w: 128, h: 60 };
const BADGE = { w: 122, h: 40 };
const seatColor = (seat: number) => SEAT_COLORS[seat % SEAT_COLORS.length]!;
const px = (x: number, y: number) => ({ x: MAP.x + x * MAP.w, y: MAP.y + y * MAP.h });

interface Car {
  x0: number;
  x1: number;
  y: number;
  color: number;
  offset: number;
  dir: 1 | -1;
}
interface Sweep {
  x0: number;
  x1: number;
  y: number;
  color: number;
  rx: number;
  phase: number;
}


/**
 * The world map: the six robotaxi cities with their permit slots coloured by holder and each
 * holder's cars driving on the city's road, and the five spectrum regions with their two bands
 * coloured by holder and the footprints of the satellites over them sweeping across.
 */
export class MapView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly layer: Phaser.GameObjects.Container;
  private readonly moving: Phaser.GameObjects.Graphics;
  private readonly footprints: Phaser.GameObjects.Graphics;
  private readonly tips: CanvasTips;
  private cars: Car[] = [];
  private sweeps: Sweep[] = [];
  private spots: Place[] = [];

  constructor(private readonly scene: Phaser.Scene, private readonly words: MapWords) {
    const frame = viewFrame(scene, 0x56b4e9, words.title);
    this.root = frame.root;
    this.layer = frame.layer;
    const bg = frame.bg;
    bg.lineStyle(1, 0x56b4e9, 0.1);
    for (let lon = -150; lon <= 150; lon += 30) {
      const { x } = px(project(lon, 0).x, 0);
      bg.lineBetween(x, MAP.y, x, MAP.y + MAP.h);
    }
    for (let lat = 60; lat >= -40; lat -= 20) {
      const { y } = px(0, project(0, lat).y);
      bg.lineBetween(MAP.x, y, MAP.x + MAP.w, y);
    }
    bg.fillStyle(0x1f3350, 1);
    bg.lineStyle(1.5, 0x35557e, 1);
    for (const outline of LAND) {
      const points = outline.map(([lon, lat]) => {
        const at = px(project(lon, lat).x, project(lon, lat).y);
        return new Phaser.Math.Vector2(at.x, at.y);
      });
      bg.fillPoints(points, true);
      bg.strokePoints(points, true);
    }
    this.footprints = scene.add.graphics();
    this.moving = scene.add.graphics();
    // Footprints lie on the land, under the cards; cars drive on the cards' roads, above them.
    this.root.addAt(this.footprints, 1);
    this.root.add(this.moving);
    this.tips = new CanvasTips(scene);
  }

  places(): Place[] {
    return this.spots;
  }

  draw(model: WorldModel): void {
    const { width } = this.scene.scale;
    this.layer.removeAll(true);
    this.cars = [];
    this.sweeps = [];
    this.spots = [];
    const name = (seat: number) => model.names[seat] ?? `#${seat + 1}`;
    if (model.autonomy !== null) this.layer.add(label(this.scene, width - 26, 20, `${this.words.yourAutonomy} ${Math.round(model.autonomy)}`, 15, MUTED).setOrigin(1, 0));

    // Regions first: their badges are fixed, the cities' cards are placed around them.
    const taken: Array<{ x: number; y: number; w: number; h: number }> = [];
    for (const region of model.regions) {
      const at = px(region.x, region.y);
      this.region(model, region, at, name);
      taken.push({ x: at.x - BADGE.w / 2, y: at.y - BADGE.h / 2, w: BADGE.w, h: BADGE.h });
    }
    for (const city of model.cities) {
      const dot = px(city.x, city.y);
      const fixed = cardPosition(city.id);
      const spot = fixed ? { ...px(fixed.x, fixed.y), w: CARD.w, h: CARD.h } : this.placeCard(dot, taken);
      if (fixed) Object.assign(spot, { x: spot.x - CARD.w / 2, y: spot.y - CARD.h / 2 });
      taken.push(spot);
      this.city(model, city, dot, spot, name);
    }
    this.legend(model);
  }

  /**
   * Who holds which colour, and where each company stands in the race: its three loop rings. On
   * a tall board, a race panel under the map (rings with their streak pips, two columns); on a
   * short one, a legend of four companies to a row.
   */
  private legend(model: WorldModel): void {
    const { width, height } = this.scene.scale;
    const g = this.scene.add.graphics();
    this.layer.add(g);
    const roomy = height - (MAP.y + MAP.h) >= 140;
    const perRow = roomy ? 2 : Math.min(4, Math.max(1, model.race.length));
    const rows = Math.ceil(model.race.length / perRow);
    const top = MAP.y + MAP.h + 10;
    const rowH = roomy ? Math.min(46, (height - 14 - top) / Math.max(1, rows)) : 22;
    const colW = (width - 40) / perRow;
    const r = roomy ? Math.min(11, rowH * 0.26) : 6;
    const size = roomy ? 15 : 13;
    model.race.forEach((row, i) => {
      const lx = 22 + (i % perRow) * colW;
      const cy = roomy ? top + Math.floor(i / perRow) * rowH + rowH / 2 : height - 20 - (rows - 1 - Math.floor(i / perRow)) * rowH;
      g.fillStyle(seatColor(row.seat), 1);
      g.fillCircle(lx + 6, cy, 6);
      // The rings, right-aligned in the column; on a tall board each with its streak's pips.
      const step = roomy ? r * 2 + 10 + model.streakNeeded * 9 : 17;
      const ringsX = lx + colW - 16 - step * 3 + r;
      LINE_ICONS.forEach((line, k) => {
        const loop = row.loops[line.key];
        const cx = ringsX + k * step;
        loopRing(g, cx, cy, r, LANE_COLORS[line.key], loop.strength, loop.closed !== null);
        if (!roomy) return;
        for (let p = 0; p < model.streakNeeded; p++) {
          g.fillStyle(loop.closed !== null || p < loop.streak ? LANE_COLORS[line.key] : TRACK, 1);
          g.fillCircle(cx + r + 8 + p * 9, cy + r * 0.5, 3);
        }
      });
      const room = Math.floor((ringsX - r - lx - 24) / (size * 0.55));
      const who = row.name.length > room ? `${row.name.slice(0, Math.max(1, room - 1))}…` : row.name;
      this.layer.add(label(this.scene, lx + 16, cy - size * 0.62, who, size, row.seat === model.focusSeat ? '#ffffff' : MUTED, row.seat === model.focusSeat));
    });
  }

  /** A card's box near its city's dot: the first of a ring of spots that is on the map and clear of the others. */
  private placeCard(dot: { x: number; y: number }, taken: ReadonlyArray<{ x: number; y: number; w: number; h: number }>) {
    const { w, h } = CARD;
    const offsets = [[0, 46], [0, -46], [-80, 30], [80, 30], [-80, -30], [80, -30], [0, 110], [-150, 60], [150, 60], [-150, -20], [150, -20], [0, -110], [-90, 100], [90, 100]];
    const clear = (b: { x: number; y: number }) =>
      b.x >= MAP.x + 4 && b.x + w <= MAP.x + MAP.w - 4 && b.y >= MAP.y && b.y + h <= MAP.y + MAP.h && !taken.some((o) => b.x < o.x + o.w + 6 && o.x < b.x + w + 6 && b.y < o.y + o.h + 4 && o.y < b.y + h + 4);
    const boxes = offsets.map(([dx, dy]) => ({ x: dot.x + dx! - w / 2, y: dot.y + dy! - h / 2, w, h }));
    return boxes.find(clear) ?? boxes[0]!;
  }

  private city(model: WorldModel, city: CityModel, dot: { x: number; y: number }, box: { x: number; y: number; w: number; h: number }, name: (seat: number) => string): void {
    const reachable = model.autonomy === null || model.autonomy >= city.minAutonomy;
    const mine = city.holders.includes(model.focusSeat);
    const g = this.scene.add.graphics();
    // The leader from the city's spot to its card.
    const cx = Math.max(box.x, Math.min(box.x + box.w, dot.x));
    const cy = Math.max(box.y, Math.min(box.y + box.h, dot.y));
    g.lineStyle(1.5, 0x9fb0c8, 0.7);
    g.lineBetween(dot.x, dot.y, cx, cy);
    g.fillStyle(0xffffff, 1);
    g.fillCircle(dot.x, dot.y, 3.5);
    g.fillStyle(0x0d1321, 0.92);
    g.fillRoundedRect(box.x, box.y, box.w, box.h, 9);
    g.lineStyle(mine ? 2 : 1.5, mine ? 0xffffff : 0x35557e, 1);
    g.strokeRoundedRect(box.x, box.y, box.w, box.h, 9);
    // Permit slots, right of the name: filled in the holder's colour, open ones as rings.
    for (let slot = 0; slot < city.slots; slot++) {
      const holder = city.holders[slot];
      const sx = box.x + box.w - 12 - (city.slots - 1 - slot) * 16;
      if (holder === undefined) {
        g.lineStyle(2, 0x9fb0c8, 0.8);
        g.strokeCircle(sx, box.y + 31, 5.5);
      } else {
        g.fillStyle(seatColor(holder), 1);
        g.fillCircle(sx, box.y + 31, 6.5);
      }
    }
    // The road: one lane per holder, with that holder's cars driving on it.
    const roadY = box.y + box.h - 14;
    g.fillStyle(TRACK, 1);
    g.fillRoundedRect(box.x + 8, roadY - 7, box.w - 16, 14, 4);
    g.lineStyle(1, 0x9fb0c8, 0.35);
    g.lineBetween(box.x + 12, roadY, box.x + box.w - 12, roadY);
    city.fleets.forEach((fleet, lane) => {
      const n = city.rides?.paused ? 0 : carsShown(fleet.cars);
      for (let i = 0; i < n; i++) {
        this.cars.push({ x0: box.x + 10, x1: box.x + box.w - 18, y: roadY + (lane % 2 === 0 ? -4 : 1), color: seatColor(fleet.seat), offset: i / n + lane * 0.37, dir: lane % 2 === 0 ? 1 : -1 });
      }
    });
    const title = label(this.scene, box.x + 9, box.y + 4, city.name, 15, INK, true);
    const needs = label(this.scene, box.x + 9, box.y + 23, `U ≥ ${city.minAutonomy}`, 13, reachable ? MUTED : BAD_INK);
    const zone = this.scene.add.zone(box.x + box.w / 2, box.y + box.h / 2, box.w, box.h);
    this.tips.attach(zone, () => `${city.name}: ${this.words.lookCloser}`);
    this.layer.add([g, title, needs, zone]);

    const holders = city.holders.length ? city.holders.map(name).join(', ') : '—';
    const rides = (seat: number) => city.rides?.served.find((s) => s.seat === seat);
    this.spots.push({
      id: `city-${city.id}`,
      name: city.name,
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      details: [
        `${this.words.permits}: ${this.words.count(city.holders.length)}/${this.words.count(city.slots)} · ${holders}`,
        `${this.words.needs} U ≥ ${city.minAutonomy}${model.autonomy === null ? '' : ` · ${this.words.yourAutonomy} ${Math.round(model.autonomy)}`}`,
        ...city.fleets.map((f) => {
          const r = rides(f.seat);
          return `${name(f.seat)}: ${this.words.count(f.cars)} ${this.words.cars}${r ? ` · ${this.words.count(r.served)} ${this.words.rides} · ${this.words.price(r.priceUsd)}` : ''}`;
        }),
        ...(city.rides ? [city.rides.paused ? this.words.paused : `${this.words.demand}: ${this.words.count(city.rides.demand)} ${this.words.rides}`] : []),
      ],
    });
  }

  private region(model: WorldModel, region: RegionSpot, at: { x: number; y: number }, name: (seat: number) => string): void {
    const bands = model.orbit.licenses.filter((l) => l.region === region.id);
    const box = { x: at.x - BADGE.w / 2, y: at.y - BADGE.h / 2, w: BADGE.w, h: BADGE.h };
    const g = this.scene.add.graphics();
    g.fillStyle(0x0d1321, 0.78);
    g.fillRoundedRect(box.x, box.y, box.w, box.h, 8);
    // The two bands as bars in the holder's colour; an open band is an outline, bright while it is auctioned.
    const barW = (box.w - 14 - 4 * (bands.length - 1)) / Math.max(1, bands.length);
    bands.forEach((band, i) => {
      const bx = box.x + 7 + i * (barW + 4);
      const by = box.y + box.h - 13;
      if (band.holder === null) {
        const now = band.auctionQuarter === model.quarter;
        g.lineStyle(now ? 2 : 1.5, now ? 0xffffff : 0x9fb0c8, now ? 1 : 0.6);
        g.strokeRoundedRect(bx, by, barW, 8, 3);
      } else {
        g.fillStyle(seatColor(band.holder), 1);
        g.fillRoundedRect(bx, by, barW, 8, 3);
      }
    });
    const title = label(this.scene, box.x + 7, box.y + 3, region.name, 14, '#cfe3f5', true);
    const zone = this.scene.add.zone(at.x, at.y, box.w, box.h);
    this.tips.attach(zone, () => `${region.name}: ${this.words.lookCloser}`);
    this.layer.add([g, title, zone]);
    region.footprints.forEach((f, i) => {
      const from = px(region.sweep.x0, region.sweep.y);
      this.sweeps.push({ x0: from.x, x1: px(region.sweep.x1, 0).x, y: from.y, color: seatColor(f.seat), rx: 22 + 16 * Math.min(1, f.satellites / 600), phase: i * 1.9 + region.x * 7 });
    });
    const bandWord = (band: string) => (band === 'L' || band === 'S' ? this.words.bands[band] : band);
    this.spots.push({
      id: `region-${region.id}`,
      name: region.name,
      x: box.x,
      y: box.y,
      width: box.w,
      height: box.h,
      details: [
        ...bands.map((b) => `${bandWord(b.band)}: ${b.holder === null ? `${this.words.unsold}${b.auctionQuarter === model.quarter ? ` · ${this.words.auctionNow}` : b.auctionQuarter ? ` · Q${b.auctionQuarter}` : ''}` : name(b.holder)}`),
        ...(region.footprints.length
          ? region.footprints.map((f) => `${name(f.seat)}: ${this.words.count(f.satellites)} ${this.words.satellites}${f.subscribers === null ? '' : ` · ${this.words.count(f.subscribers)} ${this.words.subscribers}`}`)
          : [this.words.noFootprint]),
      ],
    });
  }

  tick(time: number): void {
    // Footprints sweep across their region and back; cars drive along their lane and come round again.
    const f = this.footprints;
    f.clear();
    for (const s of this.sweeps) {
      const x = s.x0 + (s.x1 - s.x0) * (0.5 - 0.5 * Math.cos(time / 2600 + s.phase));
      f.fillStyle(s.color, 0.16);
      f.fillEllipse(x, s.y, s.rx * 2, s.rx * 1.1);
      f.lineStyle(1.5, s.color, 0.6);
      f.strokeEllipse(x, s.y, s.rx * 2, s.rx * 1.1);
    }
    const c = this.moving;
    c.clear();
    for (const car of this.cars) {
      const run = car.x1 - car.x0;
      const t = (((time / 5200) * car.dir + car.offset) % 1 + 1) % 1;
      c.fillStyle(car.color, 1);
      c.fillRoundedRect(car.x0 + t * run, car.y, 8, 4, 1.5);
    }
  }
}
