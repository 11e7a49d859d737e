import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Prints every skipped test with its reason at the end of the run: a skip is a
 * test that was not run, and whoever reads the log must see why (issue 12).
 * A skip without a reason is printed as such, so it stands out.
 */
export default class SkipReasons implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reasons = [...test.annotations, ...result.annotations]
      .filter((a) => a.type === 'skip' || a.type === 'fixme')
      .map((a) => a.description)
      .filter(Boolean);
    this.skipped.push(`  - ${test.titlePath().slice(1).join(' › ')}: ${reasons.length ? [...new Set(reasons)].join('; ') : 'NO REASON GIVEN'}`);
  }

  onEnd(): void {
    if (this.skipped.length) console.log(`Skipped, not run (${this.skipped.length}):\n${this.skipped.join('\n')}`);
  }

  printsToStdio(): boolean {
    return false; // the list reporter stays the one that prints progress
  }
}
