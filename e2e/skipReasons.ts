// A reporter beside 'list' that says why each skipped test was skipped (the list shows only that it
// was): here, the Electron test where no Electron binary can be installed, and the browser tests
// where Chromium or the built pages are missing.
import type { Reporter, TestCase, TestResult } from '@playwright/test/reporter';

export default class SkipReasons implements Reporter {
  private readonly skipped: string[] = [];

  onTestEnd(test: TestCase, result: TestResult): void {
    if (result.status !== 'skipped') return;
    const reason = test.annotations.find((a) => a.type === 'skip')?.description;
    this.skipped.push(`  skipped: ${test.titlePath().filter(Boolean).join(' › ')}${reason ? ` — ${reason}` : ''}`);
  }

  onEnd(): void {
    if (this.skipped.length > 0) console.log(this.skipped.join('\n'));
  }

  printsToStdio(): boolean {
    return true;
  }
}
