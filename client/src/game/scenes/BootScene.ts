import Phaser from 'phaser';

/** Shows a progress bar while assets load, then hands over to the lanes. */
export class BootScene extends Phaser.Scene {
  constructor() {
    super('boot');
  }

  preload(): void {
    const { width, height } = this.scale;
    const bar = this.add.graphics();
    this.load.on('progress', (p: number) => {
      bar.clear();
      bar.fillStyle(0x4cc9f0, 1);
      bar.fillRect(width / 4, height / 2 - 6, (width / 2) * p, 12);
    });
    this.load.svg('loop', '/icons/loop.svg', { width: 64, height: 64 });
  }

  create(): void {
    this.scene.start('lanes');
  }
}
