import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { jsonLogger, NO_LIMITS, type ServerConfig } from '../../server/config';
import { startServer, type RunningServer } from '../../server/index';
import { launchChromium } from './browser';

/** Where browser tests leave their screenshots. */
export const SHOTS = join(process.cwd(), 'test-artifacts');

export interface BrowserServer {
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** The real server on a free loopback port with a temporary data dir, and Debian's Chromium; `config` adds to the server's settings. */
export async function startBrowserServer(prefix: string, config: Partial<ServerConfig> = {}): Promise<BrowserServer> {
  mkdirSync(SHOTS, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const server = await startServer({ port: 0, dataDir: dir, logLevel: 'error', limits: NO_LIMITS, ...config }, jsonLogger('error', () => undefined));
  const browser = await launchChromium();
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The same, started before a test file's tests and closed after them. */
export function useBrowserServer(prefix: string, config: Partial<ServerConfig> = {}): { readonly server: RunningServer; readonly browser: Browser } {
  const live = {} as { setup: BrowserServer; server: RunningServer; browser: Browser };
  beforeAll(async () => {
    live.setup = await startBrowserServer(prefix, config);
    ({ server: live.server, browser: live.browser } = live.setup);
  }, 60_000);
  afterAll(async () => {
    await live.setup?.close();
  });
  return live;
}

/**
 * A page on a match past its tour, with the canvas loaded, and the page's errors (uncaught and
 * console) collected to assert there were none.
 */
export async function openMatchPage(browser: Browser, matchUrl: string, viewport = { width: 1280, height: 720 }): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(() => localStorage.setItem('closed-loop.tourDone', '1'));
  await page.goto(matchUrl);
  await page.waitForSelector('#game canvas', { timeout: 20_000 });
  return { page, errors };
}
