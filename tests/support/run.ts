import GLib from 'gi://GLib';
import { exit } from 'system';

import { jasmineEnv } from './jasmine-setup.ts';

interface SpecResult {
  fullName: string;
  status: string;
  failedExpectations: { message: string; stack?: string }[];
}

/**
 * Runs every registered spec on a GLib main loop (async specs need one) and prints the
 * closing line `N passed, N failed, N skipped`. The exit code is non-zero on any failure.
 *
 * DFS_SPEC_FILTER=text runs only the specs whose full name contains `text`.
 */
export function runJasmine(): void {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const started = GLib.get_monotonic_time();
  const filter = GLib.getenv('DFS_SPEC_FILTER');
  const verbose = GLib.getenv('DFS_SPEC_VERBOSE') === '1';

  jasmineEnv.configure({
    random: false,
    stopSpecOnExpectationFailure: false,
    specFilter: (spec: { getFullName(): string }) => !filter || spec.getFullName().includes(filter),
  });
  jasmineEnv.addReporter({
    specStarted(result: SpecResult) {
      if (verbose) print(`… ${result.fullName}`);
    },
    specDone(result: SpecResult) {
      if (result.status === 'passed') {
        passed++;
      } else if (result.status === 'failed') {
        failed++;
        print(`✗ ${result.fullName}`);
        for (const f of result.failedExpectations) {
          print(`    ${f.message}`);
          if (f.stack && GLib.getenv('DFS_SPEC_STACK') === '1') print(f.stack);
        }
      } else if (result.status !== 'excluded') {
        skipped++;
      }
    },
    suiteDone(result: SpecResult) {
      // afterAll errors are reported on the suite, not on any spec.
      for (const f of result.failedExpectations) {
        failed++;
        print(`✗ ${result.fullName} (suite): ${f.message}`);
      }
    },
  });

  const loop = new GLib.MainLoop(null, false);
  jasmineEnv
    .execute()
    .catch((e: unknown) => {
      failed++;
      print(`✗ runner: ${String(e)}`);
    })
    .finally(() => loop.quit());
  loop.run();

  const seconds = (GLib.get_monotonic_time() - started) / 1e6;
  print(`specs took ${seconds.toFixed(1)} s`);
  print(`${passed} passed, ${failed} failed, ${skipped} skipped`);
  exit(failed > 0 || passed === 0 ? 1 : 0);
}
