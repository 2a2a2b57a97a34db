import Phaser from 'phaser';
import { BootScene } from './scenes/BootScene';
import { LanesScene, type LaneLabels, type LoopView } from './scenes/LanesScene';

/** Starts the lanes canvas inside `parent`; loaded on demand by the match screen. */
export function startLanes(parent: HTMLElement, labels: LaneLabels): { update(loops: LoopView): void; destroy(): void } {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 960,
    height: 420,
    backgroundColor: '#0d1321',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    scene: [BootScene, new LanesScene(labels)],
  });
  return {
    update(loops) {
      const scene = game.scene.getScene('lanes') as LanesScene | null;
      scene?.setLoops(loops);
    },
    destroy() {
      game.destroy(true);
    },
  };
}
