import type { GameState } from '../../../shared/domain/state';
import type { EventEnvelope } from '../../../shared/replay/envelope';
import { buildSnapshots, stateHash, type Snapshot } from '../../../shared/replay/fold';
import {
  momentsOf,
  playbackIntervalMs,
  quarterAtCount,
  quarterMarks,
  stateAtCount,
  stepPosition,
  type Moment,
  type QuarterMark,
  type Speed,
  type StepUnit,
} from '../../../shared/replay/timeline';

/**
 * A verified log and a position in it. Every state comes from the shared engine: the nearest
 * quarter snapshot plus the events after it, so scrubbing to a quarter is instant.
 */
export class ReplayPlayer {
  readonly snapshots: Snapshot[];
  readonly marks: QuarterMark[];
  readonly moments: Moment[];
  position: number;
  speed: Speed = 1;
  private timer: ReturnType<typeof setInterval> | null = null;
  private cached: { position: number; state: GameState } | null = null;
  onChange: () => void = () => undefined;

  constructor(readonly events: readonly EventEnvelope[]) {
    this.snapshots = buildSnapshots(events);
    this.marks = quarterMarks(this.snapshots);
    this.moments = momentsOf(events);
    this.position = this.marks[0]?.count ?? 0;
  }

  get total(): number {
    return this.events.length;
  }

  get playing(): boolean {
    return this.timer !== null;
  }

  get state(): GameState {
    if (this.cached?.position !== this.position) this.cached = { position: this.position, state: stateAtCount(this.events, this.snapshots, this.position) };
    return this.cached.state;
  }

  get stateHash(): string {
    return stateHash(this.state);
  }

  /** The last quarter resolved at this position (null before the match started). */
  get quarter(): number | null {
    return quarterAtCount(this.marks, this.position);
  }

  /** Whether the position is exactly at a quarter's end (where a what-if can start). */
  get atMark(): QuarterMark | null {
    return this.marks.find((m) => m.count === this.position) ?? null;
  }

  seek(position: number): void {
    const next = Math.max(0, Math.min(this.total, Math.round(position)));
    if (next === this.position) return;
    this.position = next;
    this.onChange();
  }

  step(direction: 1 | -1, unit: StepUnit): void {
    this.seek(stepPosition(this.position, direction, unit, this.marks, this.total));
  }

  play(): void {
    if (this.timer) return;
    if (this.position >= this.total) this.seek(this.marks[0]?.count ?? 0);
    this.timer = setInterval(() => {
      this.step(1, 'quarter');
      if (this.position >= this.total) this.pause();
    }, playbackIntervalMs(this.speed));
    this.onChange();
  }

  pause(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.onChange();
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    if (this.timer) {
      this.pause();
      this.play();
    }
  }
}
