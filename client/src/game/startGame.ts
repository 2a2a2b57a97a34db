import Phaser from 'phaser';
import { BootScene } from './scenes/BootScene';
import { WorldScene, type ViewName, type WorldWords } from './scenes/WorldScene';
import type { WorldModel } from './worldModel';

export interface World {
  update(model: WorldModel): void;
  show(view: ViewName): void;
  /** A moment on the canvas: a flash and a tone. */
  celebrate(kind: 'good' | 'bad' | 'win'): void;
  /** Sound off (true) or on. */
  mute(muted: boolean): void;
  destroy(): void;
}

/** Starts the world canvas inside `parent`; loaded on demand by the match screen. */
export function startWorld(parent: HTMLElement, words: WorldWords, loadingText: string): World {
  const world = new WorldScene(words);
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    width: 960,
    height: 440,
    backgroundColor: '#0d1321',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    scene: [new BootScene(loadingText), world],
  });
  return {
    update: (model) => world.setModel(model),
    show: (view) => world.show(view),
    celebrate: (kind) => world.celebrate(kind),
    mute: (muted) => {
      game.sound.mute = muted;
    },
    destroy: () => game.destroy(true),
  };
}
