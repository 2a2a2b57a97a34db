import Phaser from 'phaser';
import { TONES, toneUri, type Tone } from './tones';

/** What the browser tests read: whether the sound has started, and what Phaser's sound manager holds. */
export interface SoundState {
  started: boolean;
  /** The Web Audio context's state once started ('running' when the browser lets it play). */
  context: AudioContextState | null;
  volume: number;
  muted: boolean;
}

/** How a scene plays a tone: at `volume` under the master volume. */
export type PlayTone = (tone: Tone, volume: number) => void;

export interface WorldSound {
  /** Plays a tone; dropped while the sound has not started. */
  play: PlayTone;
  mute(muted: boolean): void;
  /** The master volume, 0..1. */
  volume(level: number): void;
  state(): SoundState;
  destroy(): void;
}

/** The ambient pad stays quiet under everything else. */
const AMBIENT_VOLUME = 0.12;
/** The input events that give a page its user activation (a touch gives it when it ends). */
const ACTIVATIONS = ['keydown', 'mousedown', 'pointerup', 'touchend'] as const;

const hasBeenActive = () => navigator.userActivation?.hasBeenActive ?? true;

/**
 * The canvas's sound through Phaser's Web Audio sound manager, started once the page has had a
 * click, a tap or a key (at once when it has). Phaser's own manager makes its AudioContext with
 * the game, and where the browser blocks sound until a click the console then warns "The
 * AudioContext was not allowed to start". So the game starts without audio (`audio.noAudio`),
 * and this swaps the Web Audio manager in on the first input, decodes the tones and starts the
 * ambient loop; a tone asked for before then is dropped. The mute and the volume are kept and
 * given to whichever manager is there.
 */
export function worldSound(game: Phaser.Game, doc: Document = document): WorldSound {
  let muted = false;
  let level = 1;
  const apply = () => {
    game.sound.mute = muted;
    game.sound.volume = level;
  };
  const web = () => (game.sound instanceof Phaser.Sound.WebAudioSoundManager ? game.sound : null);

  const start = () => {
    if (!hasBeenActive()) return;
    stopWaiting();
    if (!game.device.audio.webAudio) return;
    const silent = game.sound;
    game.events.off(Phaser.Core.Events.DESTROY, silent.destroy, silent);
    silent.destroy();
    const manager = new Phaser.Sound.WebAudioSoundManager(game);
    game.sound = manager;
    apply();
    manager.once(Phaser.Sound.Events.DECODED_ALL, () => manager.play('tone-ambient', { loop: true, volume: AMBIENT_VOLUME }));
    manager.decodeAudio(TONES.map((tone) => ({ key: `tone-${tone}`, data: toneUri(tone) })));
  };
  const stopWaiting = () => {
    for (const type of ACTIVATIONS) doc.removeEventListener(type, start, true);
  };
  if (hasBeenActive()) start();
  else for (const type of ACTIVATIONS) doc.addEventListener(type, start, true);

  return {
    play: (tone, volume) => {
      if (game.cache.audio.exists(`tone-${tone}`)) game.sound.play(`tone-${tone}`, { volume });
    },
    mute: (m) => {
      muted = m;
      apply();
    },
    volume: (v) => {
      level = Math.min(1, Math.max(0, v));
      apply();
    },
    state: () => ({ started: web() !== null, context: web()?.context.state ?? null, volume: game.sound.volume, muted: game.sound.mute }),
    destroy: stopWaiting,
  };
}
