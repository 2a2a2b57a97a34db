import Phaser from 'phaser';

export type LoopView = Record<string, { strength: number; streak?: number; closed: number | null }>;
export interface LaneLabels {
  robotaxi: string;
  robots: string;
  satellites: string;
  shared: string;
  closed: string;
}

// Colour-blind-safe hues (Okabe–Ito): sky blue, orange, bluish green.
const LANES = [
  { key: 'robotaxi', color: 0x56b4e9 },
  { key: 'robots', color: 0xe69f00 },
  { key: 'satellites', color: 0x009e73 },
] as const;

/** The three lines as lanes over the shared layer, each with a loop ring that fills with strength. */
export class LanesScene extends Phaser.Scene {
  private rings!: Phaser.GameObjects.Graphics;
  private texts: Phaser.GameObjects.Text[] = [];
  private loops: LoopView = {};
  private shown: Record<string, number> = {};

  constructor(private readonly labels: LaneLabels) {
    super('lanes');
  }

  create(): void {
    const { width, height } = this.scale;
    const bg = this.add.graphics();
    const laneH = (height - 60) / 3;
    LANES.forEach((lane, i) => {
      bg.fillStyle(lane.color, 0.12);
      bg.fillRoundedRect(12, 12 + i * laneH, width - 24, laneH - 10, 12);
      this.add.text(32, 24 + i * laneH, this.labels[lane.key], { fontFamily: 'system-ui, sans-serif', fontSize: '22px', color: '#e8edf5' });
      this.texts.push(this.add.text(width - 170, 24 + i * laneH + laneH / 2 - 20, '', { fontFamily: 'system-ui', fontSize: '16px', color: '#e8edf5' }));
    });
    bg.fillStyle(0x9fb0c8, 0.15);
    bg.fillRoundedRect(12, height - 46, width - 24, 36, 10);
    this.add.text(32, height - 38, this.labels.shared, { fontFamily: 'system-ui', fontSize: '16px', color: '#9fb0c8' });
    this.rings = this.add.graphics();
  }

  setLoops(loops: LoopView): void {
    this.loops = loops;
  }

  override update(): void {
    const { width, height } = this.scale;
    const laneH = (height - 60) / 3;
    this.rings.clear();
    LANES.forEach((lane, i) => {
      const target = Math.min(1, this.loops[lane.key]?.strength ?? 0);
      // Ease towards the new strength so a change is seen, not just a jump.
      const now = (this.shown[lane.key] ?? 0) + (target - (this.shown[lane.key] ?? 0)) * 0.08;
      this.shown[lane.key] = now;
      const closed = this.loops[lane.key]?.closed ?? null;
      const cx = width - 230;
      const cy = 12 + i * laneH + (laneH - 10) / 2;
      const r = Math.min(42, laneH / 2 - 14);
      this.rings.lineStyle(10, 0x1d2d44, 1);
      this.rings.strokeCircle(cx, cy, r);
      this.rings.lineStyle(10, lane.color, closed ? 1 : 0.85);
      this.rings.beginPath();
      this.rings.arc(cx, cy, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * (closed ? 1 : now), false);
      this.rings.strokePath();
      if (closed) {
        this.rings.lineStyle(3, 0xffffff, 0.6 + 0.4 * Math.sin(this.time.now / 300));
        this.rings.strokeCircle(cx, cy, r + 9);
      }
      const strength = this.loops[lane.key]?.strength ?? 0;
      this.texts[i]!.setText(closed ? `${this.labels.closed} Q${closed}` : `${Math.round(Math.min(strength, 9.99) * 100)}%`);
    });
  }
}
