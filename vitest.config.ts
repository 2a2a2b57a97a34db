import { configDefaults, defineConfig } from 'vitest/config';
import { filesNotRunHere, TEST_FILE_NEEDS } from './test/support/systemDeps.ts';

// Files whose system packages this machine lacks are left out (npm test installs them where it
// may); the summary reporter names each with the reason and counts it as skipped.
const notRun = filesNotRunHere(TEST_FILE_NEEDS);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: [...configDefaults.exclude, ...notRun.map((n) => n.file)],
    environment: 'node',
    testTimeout: 30_000,
    reporters: ['default', ['./test/support/summaryReporter.ts', { notRun }]],
  },
});
