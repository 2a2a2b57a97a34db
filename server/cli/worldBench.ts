import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { TONES, toneUri } from '../../client/src/game/tones';

const DIST = join(process.cwd(), 'dist', 'client');

export interface WorldBench {
  players: number;
  quarters: number;
  /** Frames measured while quarters played out on the canvas. */
  frames: number;
  medianFrameMs: number;
  p95FrameMs: number;
  /** The same for the world at rest, before any quarter plays. */
  idleMedianFrameMs: number;
  idleP95FrameMs: number;
  /** Gzipped JS and CSS the match screen loads after the lobby (Phaser included). */
  matchGzipBytes: number;
  /** What the canvas and its sounds weigh: the icons it draws and the tones it makes. */
  artBytes: number;
}

// Frame deltas from requestAnimationFrame until the sequence ends. A string, not a function:
// under tsx (npm run bench) a function would carry esbuild's name helper, unknown in the page.
const FRAME_TIMES = `new Promise((resolve) => {
  const out = [];
  let last = performance.now();
  const frame = (now) => {
    out.push(now - last);
    last = now;
    if (document.querySelector('#game')?.dataset.sequence === 'playing') requestAnimationFrame(frame);
    else resolve(out.slice(1));
  };
  requestAnimationFrame(frame);
})`;

// The same for two seconds of the world at rest (the baseline to compare with).
const IDLE_FRAME_TIMES = `new Promise((resolve) => {
  const out = [];
  const start = performance.now();
  let last = start;
  const frame = (now) => {
    out.push(now - last);
    last = now;
    if (now - start < 2000) requestAnimationFrame(frame);
    else resolve(out.slice(1));
  };
  requestAnimationFrame(frame);
})`;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;

/** Bytes of the art (assets/icons) and of the sounds (tones written as WAV in memory). */
export function artBytes(): number {
  const icons = join(process.cwd(), 'assets', 'icons');
  const files = readdirSync(icons).reduce((n, f) => n + statSync(join(icons, f)).size, 0);
  const sounds = TONES.reduce((n, tone) => n + Buffer.from(toneUri(tone).split(',')[1]!, 'base64').length, 0);
  return files + sounds;
}

/**
 * Frame times on the world while quarters play out: a real server, an eight-seat match (one
 * player, seven bots) in headless Chromium at 1280×720 (SwiftShader: no GPU here), on the world
 * map. The player locks each quarter; every frame of each resolution sequence is timed with requestAnimationFrame.
 */
export async function worldFrameTimes(opts: { players?: number; quarters?: number; browser?: Browser } = {}): Promise<WorldBench> {
  const players = opts.players ?? 8;
  const quarters = opts.quarters ?? 3;
  const { startServer } = await import('../index');
  const { jsonLogger, NO_LIMITS } = await import('../config');
  const { launchChromium } = await import('../../test/support/browser');
  const dir = mkdtempSync(join(tmpdir(), 'bench-world-'));
  const server = await startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS }, jsonLogger('error', () => undefined));
  const browser = opts.browser ?? (await launchChromium());
  try {
    const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
    const strategies = ['robotaxi', 'robots', 'satellites', 'balanced', 'vertical'];
    const bots = Array.from({ length: players - 1 }, (_, i) => ({ strategy: strategies[i % strategies.length], difficulty: 'normal' }));
    const res = await fetch(url('/api/matches'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seats: players, bots, seed: 'bench-world' }) });
    const { matchId } = (await res.json()) as { matchId: string };
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    await context.addInitScript(() => localStorage.setItem('closed-loop.tourDone', '1'));
    const page = await context.newPage();
    // What the match screen loads beyond the lobby's files (index.html names those).
    const lobby = new Set([...readFileSync(join(DIST, 'index.html'), 'utf8').matchAll(/"\/assets\/([^"]+)"/g)].map((m) => m[1]!));
    const loaded = new Set<string>();
    page.on('response', (r) => {
      const file = /\/assets\/([^/?]+\.(?:js|css))$/.exec(r.url())?.[1];
      if (file && !lobby.has(file)) loaded.add(file);
    });
    await page.goto(url(`/match/${matchId}`));
    await page.waitForSelector('#game canvas', { timeout: 30_000 });
    // The busiest view: the world map, where cars drive and footprints sweep every frame.
    await page.click('[data-view=map]');
    await page.waitForTimeout(1000);
    const idle = ((await page.evaluate(IDLE_FRAME_TIMES)) as number[]).sort((a, b) => a - b);
    const frames: number[] = [];
    for (let q = 1; q <= quarters; q++) {
      await page.waitForSelector('#lock:not([disabled])', { timeout: 30_000 });
      await page.click('#lock');
      await page.waitForFunction((n) => document.querySelector<HTMLElement>('#game')?.dataset.sequenceQuarter === String(n), q, { timeout: 30_000 });
      const times = (await page.evaluate(FRAME_TIMES)) as number[];
      frames.push(...times);
    }
    frames.sort((a, b) => a - b);
    const matchGzipBytes = [...loaded].reduce((n, f) => n + gzipSync(readFileSync(join(DIST, 'assets', f))).length, 0);
    await context.close();
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      players,
      quarters,
      frames: frames.length,
      medianFrameMs: round(quantile(frames, 0.5)),
      p95FrameMs: round(quantile(frames, 0.95)),
      idleMedianFrameMs: round(quantile(idle, 0.5)),
      idleP95FrameMs: round(quantile(idle, 0.95)),
      matchGzipBytes,
      artBytes: artBytes(),
    };
  } finally {
    if (!opts.browser) await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
