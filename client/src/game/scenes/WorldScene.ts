import Phaser from 'phaser';
import { CityView, type CityWords } from '../views/CityView';
import { FactoryView, type FactoryWords } from '../views/FactoryView';
import { LanesView, type LaneWords } from '../views/LanesView';
import { OrbitView, type OrbitWords } from '../views/OrbitView';
import { RaceView, type RaceWords } from '../views/RaceView';
import type { WorldView } from '../views/theme';
import type { WorldModel } from '../worldModel';
import type { PlayTone } from '../worldSound';

export type ViewName = 'lanes' | 'race' | 'city' | 'orbit' | 'factory';
/** Whether the canvas moves: it runs, the player paused it, or the reader asked for reduced motion. */
export type Motion = 'running' | 'paused' | 'reduced';
export interface WorldWords {
  lanes: LaneWords;
  race: RaceWords;
  city: CityWords;
  orbit: OrbitWords;
  factory: FactoryWords;
}

/** The world canvas: one of four views at a time, all drawn from the same world model. */
export class WorldScene extends Phaser.Scene {
  private views!: Record<ViewName, WorldView<WorldModel>>;
  private current: ViewName = 'lanes';
  private model: WorldModel | null = null;
  private paused = false;
  private reduced = false;
  /** Advances only while motion runs, so everything that loops stops where it is and resumes from there. */
  private motionClock = 0;

  constructor(
    private readonly words: WorldWords,
    private readonly playTone: PlayTone,
  ) {
    super('world');
  }

  create(): void {
    // The quarter's sequence plays in its own scene above this one.
    if (this.scene.get('sequence')) this.scene.launch('sequence');
    this.views = {
      lanes: new LanesView(this, this.words.lanes),
      race: new RaceView(this, this.words.race),
      city: new CityView(this, this.words.city),
      orbit: new OrbitView(this, this.words.orbit),
      factory: new FactoryView(this, this.words.factory),
    };
    this.show(this.current);
  }

  setModel(model: WorldModel): void {
    this.model = model;
    if (this.views) this.views[this.current].draw(model);
  }

  show(view: ViewName): void {
    this.current = view;
    if (!this.views) return;
    for (const [name, v] of Object.entries(this.views)) v.root.setVisible(name === view);
    if (this.model) this.views[view].draw(this.model);
  }

  get motion(): Motion {
    return this.reduced ? 'reduced' : this.paused ? 'paused' : 'running';
  }

  /** Stops (true) or restarts every looping animation: orbits, glows, rings that ease or pulse. */
  pauseMotion(paused: boolean): void {
    this.paused = paused;
  }

  /** The reader's `prefers-reduced-motion`: nothing loops, changes are cuts, no flash or shake. */
  reduceMotion(reduced: boolean): void {
    this.reduced = reduced;
  }

  /**
   * A moment: the camera flashes (bright for good news, dim red for bad, gold for the win; not
   * with reduced motion) and its tone plays (unless the sound is off).
   */
  celebrate(kind: 'good' | 'bad' | 'win'): void {
    if (!this.cameras?.main) return;
    this.playTone(kind === 'win' ? 'fanfare' : kind === 'good' ? 'rise' : 'fall', 0.6);
    if (this.reduced) return;
    const [r, g, b] = kind === 'win' ? [240, 200, 70] : kind === 'good' ? [76, 201, 240] : [150, 40, 30];
    this.cameras.main.flash(kind === 'win' ? 900 : 450, r, g, b);
    if (kind === 'win') this.cameras.main.shake(300, 0.004);
  }

  override update(_time: number, delta: number): void {
    const still = this.motion !== 'running';
    if (!still) this.motionClock += delta;
    this.views?.[this.current].tick?.(this.motionClock, still);
  }
}
