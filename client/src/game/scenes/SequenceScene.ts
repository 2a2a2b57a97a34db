import Phaser from 'phaser';
import { FADE_MS, type Step, type Timeline } from '../timeline';
import { INK, label, MUTED, SEAT_COLORS } from '../views/theme';
import type { Tone } from '../tones';
import type { PlayTone } from '../worldSound';

/** What a step says (sequenceText.ts gives it in the reader's language). */
export interface StepWords {
  title: string;
  detail: string;
  bars: string[];
  seat: number | null;
}

export interface SequenceHooks {
  /** Each step as it comes on the board. */
  onStep(step: Step): void;
  /** Whether the world's camera went to the step's place, and which side is clear of it (the card stands aside there). */
  place?(step: Step): 'left' | 'right' | null;
  /** The sequence is over: played to its end, or skipped. */
  onEnd(skipped: boolean): void;
}

const CARD_W = 640;
/** The card beside a place the camera went to: the place sits left of the middle, the card right. */
const ASIDE_W = 380;
const BAR_H = 22;
const MAX_BARS = 8;
const STEP_TONE: Partial<Record<Step['kind'], Tone>> = { spectrum: 'gavel', loop: 'rise', end: 'fanfare', shock: 'fall' };

/**
 * The quarter played out over the world: a card per step of the timeline (a shock's headline,
 * the foundry's chips by seat as growing bars, a spectrum auction's sealed bids opened with a
 * gavel, permits, sales, valuations, a loop closing in a burst of its seat's colour, the winner).
 * Runs above the world scene; the world stays visible around the card.
 */
export class SequenceScene extends Phaser.Scene {
  private layer!: Phaser.GameObjects.Container;
  private pending: Phaser.Time.TimerEvent[] = [];
  private hooks: SequenceHooks | null = null;

  constructor(private readonly playTone: PlayTone) {
    super('sequence');
  }

  create(): void {
    this.layer = this.add.container(0, 0);
  }

  get playing(): boolean {
    return this.hooks !== null;
  }

  play(line: Timeline, words: (step: Step) => StepWords, hooks: SequenceHooks, reducedMotion: boolean): void {
    this.finish(true);
    if (line.steps.length === 0) return hooks.onEnd(false);
    this.hooks = hooks;
    if (reducedMotion) {
      // Reduced motion (or the player's pause): one fade showing the last step, the most telling
      // (a loop, the end); the steps before it are passed over at once.
      line.steps.slice(0, -1).forEach((step) => hooks.onStep(step));
      const last = line.steps[line.steps.length - 1]!;
      this.show(last, words(last), true);
      this.pending.push(this.time.delayedCall(FADE_MS * 3, () => this.finish(false)));
      return;
    }
    for (const step of line.steps) this.pending.push(this.time.delayedCall(step.at, () => this.show(step, words(step), false)));
    this.pending.push(this.time.delayedCall(line.total, () => this.finish(false)));
  }

  /** Ends the sequence at once (the Skip button, Esc, a newer quarter). */
  skip(): void {
    this.finish(true);
  }

  private finish(skipped: boolean): void {
    for (const timer of this.pending) timer.remove(false);
    this.pending = [];
    this.tweens?.killAll();
    this.layer?.removeAll(true);
    const hooks = this.hooks;
    this.hooks = null;
    hooks?.onEnd(skipped);
  }

  private show(step: Step, words: StepWords, reducedMotion: boolean): void {
    this.hooks?.onStep(step);
    const aside = reducedMotion ? null : (this.hooks?.place?.(step) ?? null);
    this.layer.removeAll(true);
    const { width, height } = this.scale;
    const bars = step.kind === 'foundry' || step.kind === 'markets' || step.kind === 'valuation' ? barsOf(step).slice(0, MAX_BARS) : [];
    const cardW = aside ? ASIDE_W : CARD_W;
    const title = label(this, 0, 0, words.title, aside ? 20 : 24, INK, true).setWordWrapWidth(cardW - 48);
    const detail = words.detail ? label(this, 0, 0, words.detail, 16, MUTED).setWordWrapWidth(cardW - 48) : null;
    const textH = title.height + (detail ? detail.height + 10 : 0);
    const cardH = 44 + textH + (bars.length ? 12 + bars.length * (BAR_H + 4) : 0);
    const x = aside === 'right' ? width - ASIDE_W - 16 : aside === 'left' ? 16 : (width - CARD_W) / 2;
    const y = Math.max(8, (height - cardH) / 2);
    title.setPosition(x + 24, y + 20);
    detail?.setPosition(x + 24, y + 20 + title.height + 10);
    const accent = words.seat === null ? 0x4cc9f0 : SEAT_COLORS[words.seat % SEAT_COLORS.length]!;
    const card = this.add.container(0, 0);
    const bg = this.add.graphics();
    bg.fillStyle(0x0a111f, 0.94);
    bg.fillRoundedRect(x, y, cardW, cardH, 16);
    bg.lineStyle(2, accent, 1);
    bg.strokeRoundedRect(x, y, cardW, cardH, 16);
    card.add([bg, title, ...(detail ? [detail] : [])]);
    const top = y + 32 + textH;
    const fill = this.add.graphics();
    card.add(fill);
    bars.forEach((_b, i) => card.add(label(this, x + 24, top + i * (BAR_H + 4) + 2, words.bars[i] ?? '', 14, INK).setDepth(1)));
    const drawBars = (p: number) => {
      fill.clear();
      bars.forEach((b, i) => {
        fill.fillStyle(SEAT_COLORS[b.seat % SEAT_COLORS.length]!, 0.45);
        fill.fillRoundedRect(x + 20, top + i * (BAR_H + 4), Math.max(4, (cardW - 40) * b.share * p), BAR_H, 5);
      });
    };
    this.layer.add(card);
    if (reducedMotion) {
      drawBars(1);
      card.setAlpha(0);
      this.tweens.add({ targets: card, alpha: 1, duration: 200 });
      return;
    }
    drawBars(0);
    card.setAlpha(0);
    this.tweens.add({ targets: card, alpha: 1, duration: Math.min(220, step.duration / 4) });
    const growth = { p: 0 };
    if (bars.length) this.tweens.add({ targets: growth, p: 1, duration: step.duration * 0.6, ease: 'Cubic.easeOut', onUpdate: () => drawBars(growth.p) });
    if (step.kind === 'loop' || step.kind === 'end') this.burst(x + cardW / 2, y + cardH / 2, accent, step.duration);
    const tone = STEP_TONE[step.kind];
    if (tone) this.playTone(tone, 0.5);
  }

  /** Rings of the seat's colour going out from the card: a loop closing, the race won. */
  private burst(cx: number, cy: number, color: number, duration: number): void {
    for (let i = 0; i < 3; i++) {
      const ring = this.add.circle(cx, cy, 40, color, 0).setStrokeStyle(4, color, 0.9);
      this.layer.add(ring);
      this.tweens.add({ targets: ring, scale: 6, alpha: 0, duration: duration * 0.7, delay: i * 180, ease: 'Quad.easeOut' });
    }
  }
}

/** A step's bars, each with its length as a share of the largest of its kind (rides, robots and subscribers apart). */
function barsOf(step: Step): Array<{ seat: number; value: number; share: number }> {
  const scaled = (bars: ReadonlyArray<{ seat: number; value: number }>) => {
    const most = Math.max(1, ...bars.map((b) => b.value));
    return bars.map((b) => ({ ...b, share: b.value / most }));
  };
  if (step.kind === 'markets') return [...scaled(step.rides), ...scaled(step.robots), ...scaled(step.subscribers)];
  if (step.kind === 'foundry' || step.kind === 'valuation') return scaled(step.bars);
  return [];
}
