import Phaser from 'phaser';
import { MapView, type MapWords } from '../views/MapView';
import { FactoryView, type FactoryWords } from '../views/FactoryView';
import { LanesView, type LaneWords } from '../views/LanesView';
import { OrbitView, type OrbitWords } from '../views/OrbitView';
import { RaceView, type RaceWords } from '../views/RaceView';
import type { Place, WorldView } from '../views/theme';
import type { WorldModel } from '../worldModel';

export type ViewName = 'lanes' | 'race' | 'map' | 'orbit' | 'factory';
/** Whether the canvas moves: it runs, the player paused it, or the reader asked for reduced motion. */
export type Motion = 'running' | 'paused' | 'reduced';
export interface WorldWords {
  lanes: LaneWords;
  race: RaceWords;
  map: MapWords;
  orbit: OrbitWords;
  factory: FactoryWords;
}

/** What the page hears from the canvas: the places the view shown offers, and a zoom in or out. */
export interface ZoomListener {
  places(places: Place[]): void;
  zoom(place: Place | null): void;
}

const ZOOM_MS = 450;

/** The world canvas: one of its views at a time, all drawn from the same world model. */
export class WorldScene extends Phaser.Scene {
  private views!: Record<ViewName, WorldView<WorldModel>>;
  private current: ViewName = 'lanes';
  private model: WorldModel | null = null;
  private paused = false;
  private reduced = false;
  /** Advances only while motion runs, so everything that loops stops where it is and resumes from there. */
  private motionClock = 0;
  /** The place the camera is zoomed on (its id), or null for the whole view. */
  private zoomed: string | null = null;
  listener: ZoomListener = { places: () => undefined, zoom: () => undefined };

  constructor(private readonly words: WorldWords) {
    super('world');
  }

  create(): void {
    // The quarter's sequence plays in its own scene above this one.
    if (this.scene.get('sequence')) this.scene.launch('sequence');
    // A quiet pad under the game (the header's sound switch mutes it with the rest; browsers
    // that block sound until a click start it then).
    if (this.cache.audio.exists('tone-ambient')) this.sound.play('tone-ambient', { loop: true, volume: 0.12 });
    this.views = {
      lanes: new LanesView(this, this.words.lanes),
      race: new RaceView(this, this.words.race),
      map: new MapView(this, this.words.map),
      orbit: new OrbitView(this, this.words.orbit),
      factory: new FactoryView(this, this.words.factory),
    };
    this.show(this.current);
    // The camera never looks past the canvas's edges, zoomed or not.
    this.cameras.main.setBounds(0, 0, this.scale.width, this.scale.height);
    // A click (or tap) on a place zooms on it; the wheel and drags are left to the page.
    this.input.on('pointerup', (p: Phaser.Input.Pointer) => {
      const hit = this.places().find((pl) => p.worldX >= pl.x && p.worldX <= pl.x + pl.width && p.worldY >= pl.y && p.worldY <= pl.y + pl.height);
      if (hit && hit.id !== this.zoomed) this.zoomTo(hit.id);
    });
  }

  setModel(model: WorldModel): void {
    this.model = model;
    if (this.views) this.redraw();
  }

  show(view: ViewName): void {
    const changed = view !== this.current;
    this.current = view;
    if (!this.views) return;
    for (const [name, v] of Object.entries(this.views)) v.root.setVisible(name === view);
    if (changed && this.zoomed) this.zoomTo(null);
    this.redraw();
  }

  /** Draws the view shown, and tells the page its places (and the zoomed one's new details). */
  private redraw(): void {
    if (this.model) this.views[this.current].draw(this.model);
    this.listener.places(this.places());
    if (this.zoomed) {
      const place = this.places().find((p) => p.id === this.zoomed) ?? null;
      if (!place) this.zoomTo(null);
      else this.listener.zoom(place);
    }
  }

  /** The places the view shown offers to zoom on. */
  places(): Place[] {
    return this.views?.[this.current].places?.() ?? [];
  }

  /**
   * Zooms the camera on a place (its id), or back out to the whole view (null). The place sits
   * left of the middle, clear of the details the page shows on the right. Eased, or a cut with
   * reduced motion.
   */
  zoomTo(id: string | null): void {
    const cam = this.cameras?.main;
    if (!cam) return;
    const place = id === null ? null : (this.places().find((p) => p.id === id) ?? null);
    this.zoomed = place?.id ?? null;
    this.events.emit('zoom', this.zoomed);
    const { width, height } = this.scale;
    const zoom = place ? Math.max(1.2, Math.min(2.2, (width * 0.45) / place.width, (height * 0.6) / place.height)) : 1;
    const x = place ? place.x + place.width / 2 + (width * 0.2) / zoom : width / 2;
    const y = place ? place.y + place.height / 2 : height / 2;
    if (this.reduced) {
      cam.setZoom(zoom);
      cam.centerOn(x, y);
    } else {
      cam.pan(x, y, ZOOM_MS, 'Sine.easeInOut', true);
      cam.zoomTo(zoom, ZOOM_MS, 'Sine.easeInOut', true);
    }
    this.listener.zoom(place);
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
    const tone = kind === 'win' ? 'tone-fanfare' : kind === 'good' ? 'tone-rise' : 'tone-fall';
    if (this.cache.audio.exists(tone)) this.sound.play(tone, { volume: 0.6 });
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
