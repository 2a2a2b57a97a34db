import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_PATH, whyMissing } from './systemDeps';

/** Debian's Chromium, headless, with the flags this machine's closed network needs. */
export async function launchChromium(): Promise<Browser> {
  const missing = whyMissing(['chromium']);
  if (missing) throw new Error(`Chromium cannot start: ${missing}; npm test installs it where apt-get may.`);
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
