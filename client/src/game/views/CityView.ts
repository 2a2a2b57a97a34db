import type Phaser from 'phaser';
import type { WorldModel } from '../worldModel';
import { BAD_INK, icon, label, MUTED, SEAT_COLORS, TRACK, viewFrame, type WorldView } from './theme';

export interface CityWords {
  title: string;
  needs: string;
  yourAutonomy: string;
  open: string;
}

/** Robotaxi cities on a map: each city's permit slots, coloured by the seat that holds them. */
export class CityView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly layer: Phaser.GameObjects.Container;

  constructor(private readonly scene: Phaser.Scene, private readonly words: CityWords) {
    const { width, height } = scene.scale;
    const frame = viewFrame(scene, 0x56b4e9, words.title);
    this.root = frame.root;
    this.layer = frame.layer;
    const grid = frame.bg;
    grid.lineStyle(1, 0x56b4e9, 0.14);
    // A graticule every 30° of longitude and 20° of latitude.
    for (let lon = -180; lon <= 180; lon += 30) {
      const x = 20 + ((lon + 180) / 360) * (width - 40);
      grid.lineBetween(x, 50, x, height - 50);
    }
    for (let lat = 60; lat >= -40; lat -= 20) {
      const y = 50 + ((70 - lat) / 120) * (height - 100);
      grid.lineBetween(20, y, width - 20, y);
    }
  }

  draw(model: WorldModel): void {
    const { width, height } = this.scene.scale;
    this.layer.removeAll(true);
    if (model.autonomy !== null) this.layer.add(label(this.scene, width - 26, 20, `${this.words.yourAutonomy} ${Math.round(model.autonomy)}`, 16, MUTED).setOrigin(1, 0));
    // Cards that would overlap (nearby cities) are pushed down until they are clear.
    const placed: Array<{ x: number; y: number }> = [];
    for (const city of model.cities) {
      const x0 = Math.min(width - 70, Math.max(70, 20 + city.x * (width - 40)));
      const at = { x: x0, y: 60 + city.y * (height - 130) };
      const free = (c: { x: number; y: number }) =>
        c.y > 40 && c.y < height - 110 && c.x > 70 && c.x < width - 70 && !placed.some((p) => Math.abs(p.x - c.x) < 130 && Math.abs(p.y - c.y) < 80);
      const nudges = [[0, 0], [0, 82], [0, -82], [132, 0], [-132, 0], [132, 82], [-132, 82], [132, -82], [-132, -82], [0, 164], [264, 0], [-264, 0]];
      const spot = nudges.map(([dx, dy]) => ({ x: at.x + dx!, y: at.y + dy! })).find(free) ?? at;
      const { x, y } = spot;
      placed.push(spot);
      const reachable = model.autonomy === null || model.autonomy >= city.minAutonomy;
      const g = this.scene.add.graphics();
      g.fillStyle(0x0d1321, 0.85);
      g.fillRoundedRect(x - 62, y - 30, 124, 74, 10);
      g.lineStyle(2, city.holders.includes(model.focusSeat) ? 0xffffff : TRACK, 1);
      g.strokeRoundedRect(x - 62, y - 30, 124, 74, 10);
      for (let slot = 0; slot < city.slots; slot++) {
        const holder = city.holders[slot];
        const sx = x - ((city.slots - 1) * 22) / 2 + slot * 22;
        if (holder === undefined) {
          g.lineStyle(2, 0x9fb0c8, 0.8);
          g.strokeCircle(sx, y + 30, 7);
        } else {
          g.fillStyle(SEAT_COLORS[holder % SEAT_COLORS.length]!, 1);
          g.fillCircle(sx, y + 30, 8);
        }
      }
      this.layer.add([
        g,
        icon(this.scene, x - 44, y - 10, 'city', 26, reachable ? 0x56b4e9 : 0x52607a),
        label(this.scene, x - 28, y - 24, city.name, 14, '#e8edf5', true),
        label(this.scene, x - 28, y - 5, `${this.words.needs} U ≥ ${city.minAutonomy}`, 12, reachable ? MUTED : BAD_INK),
      ]);
    }
    // Legend: who holds which colour.
    const legendW = (width - 40) / Math.max(4, model.names.length);
    model.names.forEach((name, seat) => {
      const lx = 26 + seat * legendW;
      const g = this.scene.add.graphics();
      g.fillStyle(SEAT_COLORS[seat % SEAT_COLORS.length]!, 1);
      g.fillCircle(lx + 6, height - 28, 6);
      this.layer.add([g, label(this.scene, lx + 18, height - 37, name.length > legendW / 8 ? `${name.slice(0, Math.floor(legendW / 8) - 1)}…` : name, 13, seat === model.focusSeat ? '#ffffff' : MUTED)]);
    });
  }
}
