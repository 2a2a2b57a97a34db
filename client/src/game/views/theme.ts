import Phaser from 'phaser';

// One palette for the canvas and the panels: Okabe–Ito hues, safe for every common colour-vision
// deficiency. Lanes keep their hue everywhere; seats use the same list in the same order.
export const INK = '#e8edf5';
export const MUTED = '#9fb0c8';
/** Vermillion for text: the palette's #d55e00 is for shapes; words in that hue need this lighter shade to reach 4.5:1. */
export const BAD_INK = '#f78531';
export const PANEL = 0x16213a;
export const TRACK = 0x1d2d44;
export const LANE_COLORS = { robotaxi: 0x56b4e9, robots: 0xe69f00, satellites: 0x009e73 } as const;
export const SEAT_COLORS = [0x56b4e9, 0xe69f00, 0x009e73, 0xf0e442, 0x0072b2, 0xd55e00, 0xcc79a7, 0xffffff];
export const FONT = 'system-ui, "Segoe UI", Roboto, sans-serif';

/** A text object in the game's type. */
export function label(scene: Phaser.Scene, x: number, y: number, text: string, size = 16, color = INK, bold = false): Phaser.GameObjects.Text {
  // Twice the resolution keeps text crisp when the canvas is scaled up on large screens.
  return scene.add.text(x, y, text, { fontFamily: FONT, fontSize: `${size}px`, color, fontStyle: bold ? 'bold' : 'normal', resolution: 2 });
}

/** A tinted icon from assets/icons, scaled to `size` pixels. */
export function icon(scene: Phaser.Scene, x: number, y: number, key: string, size: number, tint = 0xffffff): Phaser.GameObjects.Image {
  if (scene.sys.game.config.renderType === Phaser.CANVAS) return scene.add.image(x, y, tinted(scene, key, tint)).setDisplaySize(size, size);
  return scene.add.image(x, y, key).setDisplaySize(size, size).setTint(tint);
}

/**
 * The canvas renderer cannot tint: the white icon is painted in the tint once (its pixels kept
 * where it has any, in the tint's colour) and kept as a texture of its own.
 */
function tinted(scene: Phaser.Scene, key: string, tint: number): string {
  const name = `${key}#${tint.toString(16)}`;
  if (tint === 0xffffff || scene.textures.exists(name)) return tint === 0xffffff ? key : name;
  const source = scene.textures.get(key).getSourceImage() as HTMLImageElement | HTMLCanvasElement;
  const texture = scene.textures.createCanvas(name, source.width, source.height);
  if (!texture) return key;
  const ctx = texture.getContext();
  ctx.drawImage(source, 0, 0);
  ctx.globalCompositeOperation = 'source-in';
  ctx.fillStyle = `#${tint.toString(16).padStart(6, '0')}`;
  ctx.fillRect(0, 0, source.width, source.height);
  texture.refresh();
  return name;
}

/** A loop's ring: a track, an arc filled with its strength (0..1), a full disc once it has closed. */
export function loopRing(g: Phaser.GameObjects.Graphics, cx: number, cy: number, r: number, color: number, strength: number, closed: boolean): void {
  const w = Math.max(2.5, r * 0.4);
  g.lineStyle(w, TRACK, 1);
  g.strokeCircle(cx, cy, r);
  g.lineStyle(w, color, 1);
  g.beginPath();
  g.arc(cx, cy, r, -Math.PI / 2, -Math.PI / 2 + Math.PI * 2 * (closed ? 1 : Math.min(1, strength)), false);
  g.strokePath();
  if (closed) {
    g.fillStyle(color, 0.9);
    g.fillCircle(cx, cy, r * 0.55);
  }
}

/** The three lines in their order, each with its icon. */
export const LINE_ICONS: ReadonlyArray<{ key: 'robotaxi' | 'robots' | 'satellites'; icon: string }> = [
  { key: 'robotaxi', icon: 'car' },
  { key: 'robots', icon: 'robot' },
  { key: 'satellites', icon: 'satellite' },
];

export const ICONS = ['chip', 'ai', 'car', 'robot', 'actuator', 'satellite', 'spectrum', 'city', 'factory', 'coin', 'clock', 'chart', 'loop'] as const;

/**
 * A place on a view the camera can zoom to (a city, a region, a player's strip): its box on the
 * canvas (in the canvas's units, 960 wide), its name, and the lines of detail shown while zoomed.
 */
export interface Place {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  details: string[];
}

/** What every view of the world offers the scene. */
export interface WorldView<M> {
  readonly root: Phaser.GameObjects.Container;
  draw(model: M): void;
  /** The places on the view one can zoom to, as last drawn (none: the view does not zoom). */
  places?(): Place[];
  /**
   * Once a frame. `time` is the motion clock (ms): it stands still while motion is paused or the
   * reader asked for reduced motion, and `still` says so, so eased changes become cuts.
   */
  tick?(time: number, still: boolean): void;
}

/**
 * Tooltips on the canvas, like the panels' ones: a box near the pointer while it rests on a
 * number (or after a tap on touch screens), saying what the number is and what moves it.
 */
export class CanvasTips {
  private readonly box: Phaser.GameObjects.Container;
  private readonly bg: Phaser.GameObjects.Graphics;
  private readonly text: Phaser.GameObjects.Text;

  constructor(private readonly scene: Phaser.Scene) {
    this.bg = scene.add.graphics();
    this.text = scene.add.text(10, 8, '', { fontFamily: FONT, fontSize: '14px', color: INK, wordWrap: { width: 280 } });
    this.box = scene.add.container(0, 0, [this.bg, this.text]).setDepth(100).setVisible(false);
    // The camera zooming in or out leaves no tip behind.
    scene.events.on('zoom', () => this.box.setVisible(false));
  }

  /** Shows `text()` while the pointer is over `target` (a text, image or zone). */
  attach(target: Phaser.GameObjects.GameObject & { setInteractive(): unknown }, text: () => string): void {
    target.setInteractive();
    target.on('pointerover', (p: Phaser.Input.Pointer) => this.show(p.x, p.y, text()));
    target.on('pointerdown', (p: Phaser.Input.Pointer) => this.show(p.x, p.y, text()));
    target.on('pointerout', () => this.box.setVisible(false));
  }

  private show(x: number, y: number, text: string): void {
    // Zoomed in, the place's card beside the canvas says more than a tip would.
    if (this.scene.cameras.main.zoom !== 1) return;
    const { width, height } = this.scene.scale;
    this.text.setText(text);
    const w = this.text.width + 20;
    const h = this.text.height + 16;
    this.bg.clear();
    this.bg.fillStyle(0x0a111f, 0.97);
    this.bg.lineStyle(1, 0x2c3e5c, 1);
    this.bg.fillRoundedRect(0, 0, w, h, 8);
    this.bg.strokeRoundedRect(0, 0, w, h, 8);
    this.box.setPosition(Math.min(width - w - 6, x + 12), Math.min(height - h - 6, y + 14)).setVisible(true);
    this.scene.children.bringToTop(this.box);
  }
}

/**
 * The frame every full-canvas view shares: a tinted panel with its title, a background layer for
 * fixed decoration, and a layer that is redrawn on every update.
 */
export function viewFrame(scene: Phaser.Scene, tint: number, title: string): { root: Phaser.GameObjects.Container; bg: Phaser.GameObjects.Graphics; layer: Phaser.GameObjects.Container } {
  const { width, height } = scene.scale;
  const bg = scene.add.graphics();
  bg.fillStyle(tint, 0.06);
  bg.fillRoundedRect(10, 10, width - 20, height - 20, 14);
  const layer = scene.add.container(0, 0);
  const root = scene.add.container(0, 0, [bg, label(scene, 26, 18, title, 20, INK, true), layer]);
  return { root, bg, layer };
}
