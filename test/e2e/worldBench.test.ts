import { describe, expect, it } from 'vitest';
import { artBytes, worldFrameTimes } from '../../server/cli/worldBench';
import { launchChromium } from '../support/browser';

// The frame-time benchmark of `npm run bench`, run small: it must measure what it says (its
// numbers are for the benchmark, not for a test on a shared machine).
describe('the world frame-time bench', () => {
  it('times the frames of a quarter playing out in Chromium and weighs what the match screen loads', async () => {
    const browser = await launchChromium();
    const bench = await worldFrameTimes({ players: 4, quarters: 1, browser }).finally(() => browser.close());
    expect(bench.frames).toBeGreaterThan(30);
    expect(bench.medianFrameMs).toBeGreaterThan(0);
    expect(bench.p95FrameMs).toBeGreaterThanOrEqual(bench.medianFrameMs);
    // Phaser comes with the match screen, not with the lobby.
    expect(bench.matchGzipBytes).toBeGreaterThan(100_000);
    expect(bench.artBytes).toBe(artBytes());
    expect(bench.artBytes).toBeGreaterThan(0);
  }, 90_000);
});
