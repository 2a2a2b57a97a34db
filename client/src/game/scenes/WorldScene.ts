import Phaser from 'phaser';
import { MapView, type MapWords } from '../views/MapView';
import { FactoryView, type FactoryWords } from '../views/FactoryView';
import { LanesView, type LaneWords } from '../views/LanesView';
import { OrbitView, type OrbitWords } from '../views/OrbitView';
import { RaceView, type RaceWords } from '../views/RaceView';
import type { Place, WorldView } from '../views/theme';
import type { WorldModel } from '../worldModel';
import type { Step } from '../timeline';
import type { PlayTone } from '../worldSound';

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
  /** The place zoomed on (null: none), and the side of the canvas a card about it fits on. */
  zoom(place: Place | null, side: Side): void;
}
/** Which side of the canvas is clear of the place the camera is on. */
export type Side = 'left' | 'right';

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
  /** The place the player zoomed on (its id), or null for the whole view. */
  private zoomed: string | null = null;
  /** A quarter's sequence is moving the camera from place to place (the player's zoom waits). */
  private touring = false;
  listener: ZoomListener = { places: () => undefined, zoom: () => undefined };

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
    if (this.zoomed && !this.touring) {
      const place = this.places().find((p) => p.id === this.zoomed) ?? null;
      if (!place) this.zoomTo(null);
      else this.listener.zoom(place, this.frame(place).side);
    }
  }

  /** The places the view shown offers to zoom on. */
  places(): Place[] {
    return this.views?.[this.current].places?.() ?? [];
  }

  /** Zooms the camera on a place the player chose (its id), or back out to the whole view (null). */
  zoomTo(id: string | null): void {
    const place = id === null ? null : (this.places().find((p) => p.id === id) ?? null);
    this.zoomed = place?.id ?? null;
    this.events.emit('zoom', this.zoomed);
    const side = this.touring ? 'right' : this.aim(place, ZOOM_MS);
    this.listener.zoom(this.touring ? null : place, side);
  }

  /**
   * A quarter's sequence shows a step: the camera visits the step's place when the view shown
   * has it (the city whose permits are granted, the region whose band is auctioned, the
   * foundry), or takes in the whole view; null ends the tour and gives the player back their
   * zoom. Says which place the camera is on and the side clear of it (the sequence draws its
   * card there), if any. Nothing moves with reduced motion or the motion paused.
   */
  tour(step: Step | null): { place: string; side: Side } | null {
    if (step === null) {
      if (!this.touring) return null;
      this.touring = false;
      this.zoomTo(this.zoomed);
      return null;
    }
    if (this.reduced || this.paused) return null;
    if (!this.touring) {
      this.touring = true;
      // The player's card gives way to the sequence's while it plays.
      this.listener.zoom(null, 'right');
    }
    const place = this.places().find((p) => p.id === this.placeOf(step)) ?? null;
    const side = this.aim(place, Math.min(ZOOM_MS, step.duration * 0.4));
    return place ? { place: place.id, side } : null;
  }

  private placeOf(step: Step): string | null {
    if (step.kind === 'permits') return `city-${step.cityId}`;
    if (step.kind === 'spectrum') {
      const region = this.model?.orbit.licenses.find((l) => l.id === step.licenseId)?.region;
      return region ? `region-${region}` : null;
    }
    if (step.kind === 'foundry') return 'foundry';
    return null;
  }

  /**
   * Where the camera looks for a place: zoomed on it, the place left of the middle (clear of a
   * card on the right), or the whole view. The camera never looks past the canvas's edges, so a
   * place near the right edge stays right of the middle: `side` says where a card beside it fits.
   */
  private frame(place: Place | null): { zoom: number; x: number; y: number; side: Side } {
    const { width, height } = this.scale;
    if (!place) return { zoom: 1, x: width / 2, y: height / 2, side: 'right' };
    const zoom = Math.max(1.2, Math.min(2.2, (width * 0.45) / place.width, (height * 0.6) / place.height));
    const cx = place.x + place.width / 2;
    const x = cx + (width * 0.2) / zoom;
    const half = width / (2 * zoom);
    const seen = Math.min(width - half, Math.max(half, x));
    return { zoom, x, y: place.y + place.height / 2, side: (cx - (seen - half)) * zoom > width / 2 ? 'left' : 'right' };
  }

  /** Points the camera at a place (or the whole view), eased over `ms` or a cut with reduced motion. */
  private aim(place: Place | null, ms: number): Side {
    const cam = this.cameras?.main;
    const { zoom, x, y, side } = this.frame(place);
    if (!cam) return side;
    if (this.reduced) {
      cam.setZoom(zoom);
      cam.centerOn(x, y);
    } else {
      cam.pan(x, y, ms, 'Sine.easeInOut', true);
      cam.zoomTo(zoom, ms, 'Sine.easeInOut', true);
    }
    return side;
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
