import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = join(process.cwd(), 'dist', 'client');

/**
 * Gzipped bytes the browser must load before the lobby works: the entry script and stylesheet
 * named by index.html and the modules they preload. Chunks loaded on demand (Phaser, charts) are not.
 */
export function lobbyBytes(): { gzipBytes: number; files: string[] } {
  const index = join(DIST, 'index.html');
  if (!existsSync(index)) throw new Error('dist/client is missing: run `npm run build` first.');
  const html = readFileSync(index, 'utf8');
  const files = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  const gzipBytes = files.reduce((n, f) => n + gzipSync(readFileSync(join(DIST, f))).length, 0) + gzipSync(html).length;
  return { gzipBytes, files };
}

/** Milliseconds from navigation to a usable lobby (the create button on screen), median of `runs`. */
export async function lobbyInteractiveMs(runs = 5): Promise<number> {
  const { startServer } = await import('../index');
  const { jsonLogger, NO_LIMITS } = await import('../config');
  const { launchChromium } = await import('../../test/support/browser');
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const dir = mkdtempSync(join(tmpdir(), 'bench-client-'));
  const server = await startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS }, jsonLogger('error', () => undefined));
  const browser = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const start = performance.now();
      await page.goto(`http://127.0.0.1:${server.port}/`);
      await page.waitForSelector('#create', { state: 'visible' });
      times.push(performance.now() - start);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return Math.round(times[Math.floor(times.length / 2)]!);
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
