import type { Reporter, SerializedError, TestCase, TestModule, TestSuite } from 'vitest/node';
import type { NotRun } from './systemDeps';

export interface Summary {
  passed: number;
  failed: number;
  skipped: number;
  /** Files or suites that failed outside a test (loading, a hook), with the first error. */
  broken: string[];
}

const firstLine = (errors: readonly SerializedError[]) => (errors[0]?.message ?? 'unknown error').split('\n')[0]!;
const hasOwnErrors = (s: TestSuite | TestModule) => s.errors().length > 0;

/** The nearest suite or module above a test whose own hooks or loading failed, if any. */
function brokenAncestor(test: TestCase): TestSuite | TestModule | null {
  let at: TestSuite | TestModule = test.parent;
  for (;;) {
    if (hasOwnErrors(at)) return at;
    if (at.type === 'module') return null;
    at = at.parent;
  }
}

/**
 * Counts a run as CI should read it: a test that did not run because its file failed to load or
 * its suite's hook threw is a failure, not a skip, and a file or suite that failed outside every
 * test (a module that cannot be imported, an afterAll that throws) is at least one failure, so
 * "N passed, 0 failed" never stands beside a failed file.
 */
export function summarize(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError> = []): Summary {
  const summary: Summary = { passed: 0, failed: 0, skipped: 0, broken: [] };
  for (const m of modules) {
    const blamed = new Set<TestSuite | TestModule>();
    for (const test of m.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') summary.passed++;
      else if (state === 'failed') summary.failed++;
      else {
        const broken = brokenAncestor(test);
        if (broken) {
          summary.failed++;
          blamed.add(broken);
        } else summary.skipped++;
      }
    }
    for (const s of [m, ...m.children.allSuites()]) {
      if (!hasOwnErrors(s)) continue;
      if (!blamed.has(s)) summary.failed++;
      summary.broken.push(`${s.type === 'module' ? s.relativeModuleId : `${s.module.relativeModuleId} > ${s.fullName}`}: ${firstLine(s.errors())}`);
    }
  }
  if (unhandled.length > 0) {
    summary.failed += unhandled.length;
    summary.broken.push(`unhandled: ${firstLine(unhandled)}`);
  }
  return summary;
}

/**
 * Ends the run with one plain line, "Tests: N passed, N failed, N skipped", for CI logs. A file
 * left out because this machine lacks its system packages (`notRun`, see systemDeps) is named
 * with the reason and counts as one skipped.
 */
export default class SummaryReporter implements Reporter {
  constructor(private readonly options: { notRun?: readonly NotRun[] } = {}) {}

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    const s = summarize(modules, unhandled);
    const notRun = this.options.notRun ?? [];
    const lines = [...s.broken.map((b) => `Failed outside a test: ${b}`), ...notRun.map((n) => `Not run here: ${n.file}: ${n.reason}`)];
    lines.push(`Tests: ${s.passed} passed, ${s.failed} failed, ${s.skipped + notRun.length} skipped`);
    process.stdout.write(`\n${lines.join('\n')}\n`);
  }
}
