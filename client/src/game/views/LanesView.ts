import type Phaser from 'phaser';
import type { LineId } from '../../../../shared/scenario/types';
import type { WorldModel } from '../worldModel';
import { CanvasTips, icon, label, LANE_COLORS, LINE_ICONS, MUTED, TRACK, type WorldView } from './theme';

export interface LaneWords {
  robotaxi: string;
  robots: string;
  satellites: string;
  shared: string;
  closed: string;
  milestone: string;
  chips: string;
  capability: string;
  foundry: string;
  count: (n: number) => string;
  price: (usd: number) => string;
  tipRing: string;
  tipMilestone: string;
  tipStat: string;
  tipShared: string;
}

const LANES = LINE_ICONS;

/** The three lines as lanes over the shared layer; each lane's loop ring fills with loop strength. */
export class LanesView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly rings: Phaser.GameObjects.Graphics;
  private readonly bars: Phaser.GameObjects.Graphics;
  private readonly texts: Record<LineId, { stat: Phaser.GameObjects.Text; milestone: Phaser.GameObjects.Text; ring: Phaser.GameObjects.Text }>;
  private readonly sharedText: Phaser.GameObjects.Text;
  private model: WorldModel | null = null;
  private shown: Record<string, number> = {};
  private closedSeen: Record<string, number | null> = {};
  /** When each lane's closing pulse started on the motion clock; null until the next tick starts it. */
  private pulse: Record<string, number | null> = {};

  constructor(private readonly scene: Phaser.Scene, private readonly words: LaneWords) {
    const { width, height } = scene.scale;
    this.root = scene.add.container(0, 0);
    const tips = new CanvasTips(scene);
    const bg = scene.add.graphics();
    this.root.add(bg);
    const laneH = (height - 70) / 3;
    this.texts = {} as typeof this.texts;
    LANES.forEach((lane, i) => {
      const y = 10 + i * laneH;
      bg.fillStyle(LANE_COLORS[lane.key], 0.13);
      bg.fillRoundedRect(10, y, width - 20, laneH - 8, 14);
      bg.fillStyle(LANE_COLORS[lane.key], 0.9);
      bg.fillRoundedRect(10, y, 6, laneH - 8, 3);
      this.root.add(icon(scene, 62, y + (laneH - 8) / 2, lane.icon, 58, LANE_COLORS[lane.key]));
      this.root.add(label(scene, 110, y + 12, words[lane.key], 24, '#e8edf5', true));
      const stat = label(scene, 110, y + 44, '', 17);
      const milestone = label(scene, 110, y + laneH - 34, '', 14, MUTED);
      const ring = label(scene, width - 86, y + (laneH - 8) / 2, '', 16, '#e8edf5', true).setOrigin(0.5);
      const ringZone = scene.add.zone(width - 86, y + (laneH - 8) / 2, 100, 100);
      this.root.add([stat, milestone, ring, ringZone]);
      tips.attach(ringZone, () => words.tipRing);
      tips.attach(stat, () => words.tipStat);
      tips.attach(milestone, () => words.tipMilestone);
      this.texts[lane.key] = { stat, milestone, ring };
    });
    const sy = height - 56;
    bg.fillStyle(0x9fb0c8, 0.12);
    bg.fillRoundedRect(10, sy, width - 20, 46, 12);
    this.root.add(icon(scene, 36, sy + 23, 'chip', 30, 0xcfd8e6));
    this.root.add(icon(scene, 330, sy + 23, 'ai', 28, 0xcfd8e6));
    this.root.add(label(scene, 58, sy + 13, words.shared, 16, MUTED, true));
    this.sharedText = label(scene, 360, sy + 13, '', 16);
    this.root.add(this.sharedText);
    tips.attach(this.sharedText, () => words.tipShared);
    this.bars = scene.add.graphics();
    this.rings = scene.add.graphics();
    this.root.add([this.bars, this.rings]);
  }

  draw(model: WorldModel): void {
    this.model = model;
    const { height } = this.scene.scale;
    const laneH = (height - 70) / 3;
    this.bars.clear();
    LANES.forEach((lane, i) => {
      const m = model.lanes[lane.key];
      const t = this.texts[lane.key];
      t.stat.setText(m.stat);
      t.milestone.setText(`${this.words.milestone}: ${m.milestoneText}`);
      const y = 10 + i * laneH + laneH - 44;
      this.bars.fillStyle(TRACK, 1);
      this.bars.fillRoundedRect(110, y, 360, 8, 4);
      this.bars.fillStyle(LANE_COLORS[lane.key], 1);
      if (m.milestone > 0) this.bars.fillRoundedRect(110, y, Math.max(8, 360 * m.milestone), 8, 4);
      if (this.closedSeen[lane.key] === null && m.closed !== null) this.pulse[lane.key] = null;
      this.closedSeen[lane.key] = m.closed;
    });
    const s = model.shared;
    const parts = [s.chipGeneration, s.chips === null ? null : `${this.words.chips} ${this.words.count(s.chips)}`];
    this.sharedText.setText(
      [s.capability === null ? null : `${this.words.capability} ${Math.round(s.capability)}`, s.foundryPriceUsd ? `${this.words.foundry} ${this.words.price(s.foundryPriceUsd)}` : null, ...parts]
        .filter(Boolean)
        .join('   ·   '),
    );
  }

  tick(time: number, still: boolean): void {
    const model = this.model;
    if (!model) return;
    const { width, height } = this.scene.scale;
    const laneH = (height - 70) / 3;
    this.rings.clear();
    LANES.forEach((lane, i) => {
      const m = model.lanes[lane.key];
      const target = Math.min(1, m.strength);
      // Ease towards the new strength, so a change is seen rather than a jump (a cut when still).
      const now = still ? target : (this.shown[lane.key] ?? 0) + (target - (this.shown[lane.key] ?? 0)) * 0.08;
      this.shown[lane.key] = now;
      const cx = width - 86;
      const cy = 10 + i * laneH + (laneH - 8) / 2;
      const r = Math.min(40, laneH / 2 - 16);
      this.rings.lineStyle(10, TRACK, 1);
      this.rings.strokeCircle(cx, cy, r);
      this.rings.lineStyle(10, LANE_COLORS[lane.key], 1);
      this.rings.beginPath();
      this.rings.arc(cx, cy, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * (m.closed ? 1 : now), false);
      this.rings.strokePath();
      if (m.closed) {
        // A closed loop glows; for two seconds after it closes, a ring spreads out from it.
        this.rings.lineStyle(3, 0xffffff, 0.55 + 0.35 * Math.sin(time / 300));
        this.rings.strokeCircle(cx, cy, r + 9);
        if (this.pulse[lane.key] === null) this.pulse[lane.key] = still ? -1e9 : time;
        const since = time - (this.pulse[lane.key] ?? -1e9);
        if (since < 2000) {
          this.rings.lineStyle(4, LANE_COLORS[lane.key], 1 - since / 2000);
          this.rings.strokeCircle(cx, cy, r + 9 + since / 25);
        }
      }
      this.texts[lane.key].ring.setText(m.closed ? `${this.words.closed}\nQ${m.closed}` : `${Math.round(Math.min(m.strength, 9.99) * 100)}%`).setAlign('center');
    });
  }
}
