import Phaser from 'phaser';
import { FONT, ICONS } from '../views/theme';

/** Loads the art with a progress bar, then hands over to the world (the tones come with the sound: worldSound.ts). */
export class BootScene extends Phaser.Scene {
  constructor(private readonly loadingText: string) {
    super('boot');
  }

  preload(): void {
    const { width, height } = this.scale;
    this.add.text(width / 2, height / 2 - 34, this.loadingText, { fontFamily: FONT, fontSize: '18px', color: '#9fb0c8' }).setOrigin(0.5);
    const frame = this.add.graphics();
    frame.lineStyle(2, 0x2c3e5c, 1);
    frame.strokeRoundedRect(width / 4 - 4, height / 2 - 10, width / 2 + 8, 20, 8);
    const bar = this.add.graphics();
    this.load.on('progress', (p: number) => {
      bar.clear();
      bar.fillStyle(0x4cc9f0, 1);
      bar.fillRoundedRect(width / 4, height / 2 - 6, Math.max(12, (width / 2) * p), 12, 6);
    });
    // Icons are drawn white and tinted in the scene; twice the largest display size keeps them crisp.
    for (const key of ICONS) this.load.svg(key, `/icons/${key}.svg`, { width: 128, height: 128 });
  }

  create(): void {
    this.scene.start('world');
  }
}
