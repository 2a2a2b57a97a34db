import type Phaser from 'phaser';
import type { LineId } from '../../../../shared/scenario/types';
import type { WorldModel } from '../worldModel';
import { CanvasTips, icon, INK, label, LANE_COLORS, LINE_ICONS, loopRing, MUTED, SEAT_COLORS, TRACK, type WorldView } from './theme';

export interface RaceWords {
  title: string;
  lines: Record<LineId, string>;
  you: string;
  closed: string;
  tipRing: string;
}

const LINES = LINE_ICONS;
const NAME_W = 250;
const COL_W = 210;

/**
 * The race at a glance: every company's three loops side by side, a ring per line filled with
 * its loop's strength, the streak of qualifying quarters as pips under it, a closed loop full
 * with its quarter. The reader's own row is marked.
 */
export class RaceView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly layer: Phaser.GameObjects.Container;
  private readonly tips: CanvasTips;

  constructor(private readonly scene: Phaser.Scene, private readonly words: RaceWords) {
    this.root = scene.add.container(0, 0);
    this.tips = new CanvasTips(scene);
    this.root.add(label(scene, 20, 12, words.title, 18, INK, true));
    LINES.forEach((line, i) => {
      this.root.add(icon(scene, NAME_W + 40 + i * COL_W, 58, line.icon, 30, LANE_COLORS[line.key]));
      this.root.add(label(scene, NAME_W + 62 + i * COL_W, 48, words.lines[line.key], 16, MUTED, true));
    });
    this.layer = scene.add.container(0, 0);
    this.root.add(this.layer);
  }

  draw(model: WorldModel): void {
    const { width, height } = this.scene.scale;
    this.layer.removeAll(true);
    const rows = model.race;
    const top = 82;
    const rowH = Math.min(80, (height - top - 8) / Math.max(1, rows.length));
    const r = Math.max(9, Math.min(22, rowH * 0.3));
    const g = this.scene.add.graphics();
    this.layer.add(g);
    rows.forEach((row, i) => {
      const y = top + i * rowH;
      const cy = y + rowH / 2 - 4;
      if (row.seat === model.focusSeat) {
        g.fillStyle(0xffffff, 0.06);
        g.fillRoundedRect(10, y + 2, width - 20, rowH - 4, 8);
      }
      g.fillStyle(SEAT_COLORS[row.seat % SEAT_COLORS.length]!, 1);
      g.fillCircle(28, cy, 7);
      const name = row.seat === model.focusSeat ? `${row.name} (${this.words.you})` : row.name;
      const nameSize = Math.min(20, rowH * 0.36);
      this.layer.add(label(this.scene, 44, cy - nameSize * 0.6, name.length > 22 ? `${name.slice(0, 21)}…` : name, nameSize, INK, row.seat === model.focusSeat));
      LINES.forEach((line, k) => {
        const loop = row.loops[line.key];
        const cx = NAME_W + 40 + k * COL_W;
        const color = LANE_COLORS[line.key];
        loopRing(g, cx, cy, r, color, loop.strength, loop.closed !== null);
        // The streak: one pip per qualifying quarter needed, filled as they come in a row.
        for (let p = 0; p < model.streakNeeded; p++) {
          const filled = loop.closed !== null || p < loop.streak;
          g.fillStyle(filled ? color : TRACK, 1);
          g.fillCircle(cx + r + 16 + p * 14, cy + r * 0.5, Math.max(3, Math.min(5, rowH * 0.08)));
        }
        const text = loop.closed ? `${this.words.closed} Q${loop.closed}` : `${Math.round(Math.min(loop.strength, 9.99) * 100)}%`;
        const value = label(this.scene, cx + r + 10, cy - r * 0.95, text, Math.min(18, rowH * 0.3), loop.closed ? INK : MUTED, loop.closed !== null);
        this.layer.add(value);
        this.tips.attach(value, () => this.words.tipRing);
      });
    });
  }
}
