import Phaser from 'phaser';
import { BootScene } from './scenes/BootScene';
import { WorldScene, type Motion, type ViewName, type WorldWords, type ZoomListener } from './scenes/WorldScene';
import type { WorldModel } from './worldModel';
import { BOARD_WIDTH, boardHeight } from './boardSize';
import { SequenceScene, type SequenceHooks, type StepWords } from './scenes/SequenceScene';
import type { Step, Timeline } from './timeline';
import type { Tone } from './tones';
import { worldSound, type SoundState } from './worldSound';

export interface World {
  update(model: WorldModel): void;
  show(view: ViewName): void;
  /** A moment on the canvas: a flash and a tone. */
  celebrate(kind: 'good' | 'bad' | 'win'): void;
  /** A short sound of its own (the timer running low), unless the sound is off. */
  tone(name: 'tick'): void;
  /** Sound off (true) or on. */
  mute(muted: boolean): void;
  /** The master volume of every sound, 0..1 (Phaser's sound manager's). */
  volume(level: number): void;
  /** Stops (true) or restarts every looping animation; with reduced motion nothing loops anyway. */
  pauseMotion(paused: boolean): void;
  /**
   * Plays a quarter's resolution over the world (a cut or a fade when motion is reduced or
   * paused). The canvas box says `data-sequence` (playing, done, skipped) and lists the steps
   * shown in `data-sequence-steps`, for tests.
   */
  playQuarter(line: Timeline, words: (step: Step) => StepWords, hooks: SequenceHooks): void;
  /** Ends the quarter's sequence at once. */
  skipQuarter(): void;
  /**
   * Zooms on a place of the view shown (its id), or back out (null). The page hears the view's
   * places and every zoom, also one made by a click on the canvas; the box says `data-zoom`.
   */
  zoom(id: string | null): void;
  listen(listener: ZoomListener): void;
  destroy(): void;
}

/**
 * What the browser tests read and call: the box says `data-motion`, the page offers the pause,
 * and reads out the sound as Phaser's sound manager holds it.
 */
type TestHooks = { __closedLoopMotion?: (paused: boolean) => Motion; __closedLoopSound?: () => SoundState };

/** Whether this browser's WebGL is drawn by the CPU (no GPU, or a blocked one). */
export function softwareWebGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return true;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : '';
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/** Starts the world canvas inside `parent`; loaded on demand by the match screen. */
export function startWorld(parent: HTMLElement, words: WorldWords, loadingText: string): World {
  // The scenes play their tones through `sound`, which exists once the game does.
  const play = (tone: Tone, volume: number) => sound.play(tone, volume);
  const world = new WorldScene(words, play);
  const sequence = new SequenceScene(play);
  const game = new Phaser.Game({
    // WebGL where a GPU draws it; the canvas renderer where WebGL is drawn in software
    // (SwiftShader, llvmpipe): measured in `npm run bench`, 60 fps there instead of 30.
    type: softwareWebGL() ? Phaser.CANVAS : Phaser.AUTO,
    parent,
    width: BOARD_WIDTH,
    // Taller where the screen has room (the controls under the canvas keep theirs).
    height: boardHeight(parent.clientWidth, window.innerHeight - parent.getBoundingClientRect().top - 76),
    backgroundColor: '#0d1321',
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_HORIZONTALLY },
    // The sequence runs above the world (later scenes draw on top); the world launches it.
    scene: [new BootScene(loadingText), world, sequence],
    // No audio until the page has had a click or a key: worldSound.ts starts it then.
    audio: { noAudio: true },
  });
  const sound = worldSound(game);
  // The canvas box says whether the canvas moves, for tests and for styling a pause button.
  const say = () => {
    parent.dataset.motion = world.motion;
    return world.motion;
  };
  const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
  const follow = () => {
    world.reduceMotion(reduced.matches);
    say();
  };
  follow();
  reduced.addEventListener('change', follow);
  const pauseMotion = (paused: boolean) => {
    world.pauseMotion(paused);
    return say();
  };
  const hooks = window as TestHooks;
  hooks.__closedLoopMotion = pauseMotion;
  hooks.__closedLoopSound = sound.state;
  return {
    update: (model) => world.setModel(model),
    show: (view) => world.show(view),
    celebrate: (kind) => world.celebrate(kind),
    tone: (name) => sound.play(name, 0.5),
    mute: (muted) => sound.mute(muted),
    volume: (level) => sound.volume(level),
    pauseMotion,
    playQuarter: (line, stepWords, hooks) => {
      if (!sequence.sys?.isActive()) return hooks.onEnd(true);
      // A sequence still playing ends first (its own end is said before this one starts).
      sequence.skip();
      parent.dataset.sequence = 'playing';
      parent.dataset.sequenceQuarter = String(line.quarter);
      parent.dataset.sequenceSteps = '';
      parent.dataset.sequencePlaces = '';
      sequence.play(
        line,
        stepWords,
        {
          onStep: (step) => {
            parent.dataset.sequenceSteps = [parent.dataset.sequenceSteps, step.kind].filter(Boolean).join(',');
            hooks.onStep(step);
          },
          // The camera visits the step's place on the view shown; the box lists the places visited.
          place: (step) => {
            const at = world.tour(step);
            if (at) parent.dataset.sequencePlaces = [parent.dataset.sequencePlaces, at.place].filter(Boolean).join(',');
            return at?.side ?? null;
          },
          onEnd: (skipped) => {
            world.tour(null);
            parent.dataset.sequence = skipped ? 'skipped' : 'done';
            hooks.onEnd(skipped);
          },
        },
        world.motion !== 'running',
      );
    },
    skipQuarter: () => sequence.skip(),
    zoom: (id) => world.zoomTo(id),
    listen: (listener) => {
      world.listener = {
        places: (places) => {
          // Each place's box in canvas units (960 wide), for tests to click on.
          parent.dataset.places = places.map((p) => `${p.id}:${[p.x, p.y, p.width, p.height].map(Math.round).join(',')}`).join(' ');
          listener.places(places);
        },
        zoom: (place, side) => {
          parent.dataset.zoom = place?.id ?? '';
          listener.zoom(place, side);
        },
      };
      world.listener.places(world.places());
    },
    destroy: () => {
      reduced.removeEventListener('change', follow);
      if (hooks.__closedLoopMotion === pauseMotion) delete hooks.__closedLoopMotion;
      if (hooks.__closedLoopSound === sound.state) delete hooks.__closedLoopSound;
      sound.destroy();
      game.destroy(true);
    },
  };
}
