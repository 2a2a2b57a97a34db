import type Phaser from 'phaser';
import type { WorldModel } from '../worldModel';
import { icon, label, MUTED, viewFrame, type WorldView } from './theme';

export interface FactoryWords {
  title: string;
  plants: string;
  robotLines: string;
  actuators: string;
  inventory: string;
  deployed: string;
  fleet: string;
  building: string;
  private: string;
  count: (n: number) => string;
}

const ORANGE = 0xe69f00;
const GHOST = 0x52607a;

/** The robot line's factory floor: plants and lines (built and building), stock and robots at work. */
export class FactoryView implements WorldView<WorldModel> {
  readonly root: Phaser.GameObjects.Container;
  private readonly layer: Phaser.GameObjects.Container;

  constructor(private readonly scene: Phaser.Scene, private readonly words: FactoryWords) {
    ({ root: this.root, layer: this.layer } = viewFrame(scene, ORANGE, words.title));
  }

  /** A row of up to twelve icons: built ones in colour, ones being built as ghosts. */
  private row(y: number, key: string, built: number, building: number, caption: string): void {
    const shown = Math.min(12, built + building);
    for (let i = 0; i < shown; i++) this.layer.add(icon(this.scene, 250 + i * 50, y, key, 40, i < Math.min(built, 12) ? ORANGE : GHOST));
    if (shown === 0) this.layer.add(label(this.scene, 232, y - 9, '—', 16, MUTED));
    this.layer.add(label(this.scene, 30, y - 10, caption, 16, '#e8edf5', true));
    const extra = `${this.words.count(built)}${building ? ` (+${this.words.count(building)} ${this.words.building})` : ''}`;
    this.layer.add(label(this.scene, 880, y - 10, extra, 16, MUTED).setOrigin(1, 0));
  }

  draw(model: WorldModel): void {
    const { width, height } = this.scene.scale;
    this.layer.removeAll(true);
    const f = model.factory;
    if (!f) {
      this.layer.add(label(this.scene, width / 2, height / 2, this.words.private, 18, MUTED).setOrigin(0.5));
      return;
    }
    this.row(90, 'factory', f.plants, f.plantsBuilding, this.words.plants);
    this.row(160, 'robot', f.lines, f.linesBuilding, this.words.robotLines);
    const stock: Array<[string, string, number, number]> = [
      ['actuator', this.words.actuators, f.actuators, ORANGE],
      ['robot', this.words.inventory, f.inventory, ORANGE],
      ['robot', this.words.deployed, f.deployed, 0xffffff],
      ['car', this.words.fleet, f.cars, 0x56b4e9],
    ];
    stock.forEach(([key, caption, value, tint], i) => {
      const x = 30 + i * 225;
      const y = 250;
      const g = this.scene.add.graphics();
      g.fillStyle(0x0d1321, 0.7);
      g.fillRoundedRect(x, y, 205, 120, 12);
      this.layer.add([g, icon(this.scene, x + 36, y + 60, key, 46, tint), label(this.scene, x + 70, y + 30, this.words.count(value), 24, '#e8edf5', true), label(this.scene, x + 70, y + 66, caption, 14, MUTED)]);
    });
  }
}
