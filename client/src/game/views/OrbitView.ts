import type Phaser from 'phaser';
import type { WorldModel } from '../worldModel';
import { icon, label, MUTED, SEAT_COLORS, TRACK, viewFrame, type WorldView } from './theme';

export interface OrbitWords {
  title: string;
  satellites: string;
  adoption: string;
  unsold: string;
  auctionNow: string;
  count: (n: number) => string;
}

const SAT_GREEN = 0x009e73;

/**
 * The satellite line in orbit: the Earth with its regions around it, each region's two spectrum
 * bands coloured by holder, and the player's satellites circling (one dot per fifty).
 */
export class OrbitView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly layer: Phaser.GameObjects.Container;
  private readonly swarm: Phaser.GameObjects.Graphics;
  private dots = 0;

  constructor(private readonly scene: Phaser.Scene, private readonly words: OrbitWords) {
    const { width, height } = scene.scale;
    const frame = viewFrame(scene, SAT_GREEN, words.title);
    this.root = frame.root;
    this.layer = frame.layer;
    const bg = frame.bg;
    // Stars, at fixed places (no randomness needed for decoration).
    bg.fillStyle(0xffffff, 0.35);
    for (let i = 0; i < 70; i++) bg.fillCircle(20 + ((i * 137) % (width - 40)), 20 + ((i * 71) % (height - 40)), (i % 3) * 0.5 + 0.6);
    const cx = 300;
    const cy = height / 2 + 10;
    bg.fillStyle(0x0b3954, 1);
    bg.fillCircle(cx, cy, 92);
    bg.fillStyle(0x1f6f8b, 1);
    bg.fillEllipse(cx - 24, cy - 20, 80, 52);
    bg.fillEllipse(cx + 34, cy + 30, 56, 40);
    this.swarm = scene.add.graphics();
    this.root.add(this.swarm);
  }

  draw(model: WorldModel): void {
    const { height } = this.scene.scale;
    const cx = 300;
    const cy = height / 2 + 10;
    this.layer.removeAll(true);
    const g = this.scene.add.graphics();
    this.layer.add(g);
    const regions = model.orbit.regions;
    const step = (Math.PI * 2) / regions.length;
    regions.forEach((region, i) => {
      const from = -Math.PI / 2 + i * step + 0.04;
      const to = from + step - 0.08;
      const bands = model.orbit.licenses.filter((l) => l.region === region.id);
      bands.forEach((band, b) => {
        const r = 112 + b * 16;
        const color = band.holder === null ? TRACK : SEAT_COLORS[band.holder % SEAT_COLORS.length]!;
        g.lineStyle(12, color, band.holder === null ? 1 : 0.95);
        g.beginPath();
        g.arc(cx, cy, r, from, to, false);
        g.strokePath();
        if (band.holder === null && band.auctionQuarter === model.quarter) {
          g.lineStyle(2, 0xffffff, 0.9);
          g.beginPath();
          g.arc(cx, cy, r + 8, from, to, false);
          g.strokePath();
        }
      });
      const mid = (from + to) / 2;
      const lx = cx + Math.cos(mid) * 170;
      const ly = cy + Math.sin(mid) * 170;
      this.layer.add(label(this.scene, lx, ly, region.name, 13, MUTED).setOrigin(Math.cos(mid) < -0.2 ? 1 : Math.cos(mid) > 0.2 ? 0 : 0.5, 0.5));
    });
    // The side panel: the focus seat's fleet, adoption and licenses.
    const px = 600;
    const held = model.orbit.licenses.filter((l) => l.holder === model.focusSeat);
    this.layer.add([
      icon(this.scene, px + 20, 80, 'satellite', 40, SAT_GREEN),
      label(this.scene, px + 50, 64, `${this.words.count(model.orbit.satellites)} ${this.words.satellites}`, 20, '#e8edf5', true),
      icon(this.scene, px + 20, 140, 'spectrum', 36, SAT_GREEN),
      label(this.scene, px + 50, 126, held.length ? held.map((l) => l.id).join('\n') : '—', 15),
    ]);
    if (model.orbit.adoption !== null) {
      const y = height - 110;
      g.fillStyle(TRACK, 1);
      g.fillRoundedRect(px, y + 24, 300, 10, 5);
      g.fillStyle(SAT_GREEN, 1);
      g.fillRoundedRect(px, y + 24, Math.max(10, 300 * Math.min(1, model.orbit.adoption)), 10, 5);
      this.layer.add(label(this.scene, px, y, `${this.words.adoption} ${Math.round(model.orbit.adoption * 100)}%`, 15, MUTED));
    }
    this.layer.add(label(this.scene, px, height - 56, `○ ${this.words.unsold}   ◌ ${this.words.auctionNow}`, 13, MUTED));
    this.dots = Math.min(120, Math.ceil(model.orbit.satellites / 50));
  }

  tick(time: number): void {
    const { height } = this.scene.scale;
    this.swarm.clear();
    this.swarm.fillStyle(0xffffff, 0.9);
    for (let i = 0; i < this.dots; i++) {
      const a = (i / Math.max(1, this.dots)) * Math.PI * 2 + time / 9000;
      this.swarm.fillCircle(300 + Math.cos(a) * 100, height / 2 + 10 + Math.sin(a) * 100 * 0.96, 2.2);
    }
  }
}
