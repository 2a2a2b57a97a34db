import { describe } from 'vitest';
import { skipReason, type SystemDepName } from './systemDeps';

/**
 * A describe block for tests that need Debian packages: where one is missing the block is
 * skipped, its name saying which package and how to install it, and its hooks never run (so a
 * missing package is a skip with a reason, never a crash in beforeAll).
 */
export function describeNeeding(needs: readonly SystemDepName[], name: string, body: () => void): void {
  const reason = skipReason(needs);
  if (reason === null) describe(name, body);
  else describe.skip(`${name} (${reason})`, body);
}
