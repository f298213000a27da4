// The portal's submit form with several files uploaded together: the entry file (main.py) goes into
// the editor whichever file comes first, the other is listed and sent with it, and the program is
// judged AC; more files than a submission may have are refused on the page. Desktop and phone widths.
import { join } from 'node:path';
import { expectNoSeriousViolations } from './axe.ts';
import { browserSkipReason, expect, logInToPortal, SCREENSHOTS, test } from './support.ts';

const skip = browserSkipReason('portal');
test.skip(skip !== false, skip || '');

const text = (name: string, source: string) => ({ name, mimeType: 'text/plain', buffer: Buffer.from(source) });

for (const [width, viewport] of [['desktop', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]] as const) {
  test(`a program of two files is submitted from the portal and judged AC (${width})`, async ({ page, served }) => {
    test.setTimeout(120_000);
    await page.setViewportSize(viewport);
    await logInToPortal(page, served.url, width === 'desktop' ? 'team1' : 'team2');
    await page.getByRole('link', { name: 'Submit' }).click();
    await page.getByLabel('Problem', { exact: true }).selectOption('hello');

    const upload = page.locator('input[type=file]');
    await upload.setInputFiles(Array.from({ length: 17 }, (_, i) => text(`m${i}.py`, 'x = 1\n')));
    await expect(page.getByRole('alert')).toContainText('17 files: a submission has at most 16.');

    await upload.setInputFiles([text('greeting.py', 'TEXT = "Hello, World!"\n'), text('main.py', 'from greeting import TEXT\nprint(TEXT)\n')]);
    await expect(page.getByLabel('File name')).toHaveValue('main.py');
    await expect(page.getByRole('status')).toContainText('main.py is the one run');
    await expect(page.locator('.other-files')).toContainText('greeting.py');
    await expectNoSeriousViolations(page, `submit form with two files (${width})`);
    await page.screenshot({ path: join(SCREENSHOTS, `portal-submit-several-files-${width}.png`), fullPage: true });

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await expect(page.locator('[data-verdict="AC"]').first()).toBeVisible({ timeout: 60_000 });
  });
}
