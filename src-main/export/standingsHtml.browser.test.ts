// The printable standings page in a real browser (Debian's Chromium through playwright-core), opened
// from a file:// URL as it would be from a USB stick: the table renders, nothing is fetched, medal
// colours show, and it prints as landscape pages. Skips itself when Chromium is missing.
// (This project's Node typecheck has no DOM types: the browser side reaches its globals through `Browser`.)
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { buildResults } from './contestPackage.ts';
import { readGroupsFile, readOrganizationsFile } from '../contest/folderLists.ts';
import { AFTER_END, makeContest } from './testContest.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'e2e-results');
/** The few browser globals used inside page.evaluate. */
interface Browser {
  getComputedStyle(el: unknown, pseudo?: string): { backgroundColor: string; content: string };
  document: { documentElement: { scrollWidth: number } };
  innerWidth: number;
}
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;

const scratch = mkdtempSync(join(tmpdir(), 'verdict-html-test-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

describe('standings.html in Chromium', { skip }, () => {
  test('renders the table from a file, fetches nothing, prints landscape; screenshot', async () => {
    const c = await makeContest(join(scratch, 'contest'));
    const results = buildResults(c.store, { groups: readGroupsFile(c.contestDir), organizations: readOrganizationsFile(c.contestDir), now: AFTER_END });
    c.store.close();
    const file = join(scratch, 'standings.html');
    writeFileSync(file, results.files['standings.html']);

    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const requests: string[] = [];
      const problems: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      page.on('console', (m) => {
        if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(pathToFileURL(file).href);

      assert.equal(await page.title(), 'Export Test Contest 2030 — standings');
      const rows = page.locator('table.standings tbody tr');
      assert.equal(await rows.count(), 10);
      assert.deepEqual(await rows.first().locator('td').allInnerTexts().then((cells) => cells.slice(0, 4)), ['1', 'Alpha\nTU Delft', '3', '110']);
      assert.equal(await rows.nth(3).locator('td.team').innerText(), 'Charlie\nlyceum', 'an organization the file does not name shows its id');
      const gold = await rows.first().locator('td.rank').evaluate((el) => (globalThis as unknown as Browser).getComputedStyle(el).backgroundColor);
      assert.equal(gold, 'rgb(245, 215, 110)', 'gold medal colour');
      const silver = await rows.nth(4).locator('td.rank').evaluate((el) => (globalThis as unknown as Browser).getComputedStyle(el).backgroundColor);
      assert.equal(silver, 'rgb(214, 214, 214)', 'silver medal colour');
      const first = page.locator('td.first');
      assert.equal(await first.count(), 3);
      assert.match(await first.first().innerText(), /^50\s*1 try$/);
      assert.equal(await first.first().locator('b').evaluate((el) => (globalThis as unknown as Browser).getComputedStyle(el, '::after').content), '" ★"', 'marked with a star');
      const headers = await page.locator('thead th').allInnerTexts();
      assert.deepEqual(headers.slice(0, 4), ['Rank', 'Team', 'Solved', 'Time']);
      assert.match(headers[4], /^A\s*Apple$/);
      // Everything is visible without horizontal scrolling at a laptop width.
      assert.ok(await page.evaluate(() => {
          const w = globalThis as unknown as Browser;
          return w.document.documentElement.scrollWidth <= w.innerWidth;
        }));

      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'standings.png'), fullPage: true });

      // Printing: landscape pages (the page's @page rule), background colours kept.
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      assert.ok(box, 'a PDF page box');
      assert.ok(Number(box[1]) > Number(box[2]), `landscape: ${box[1]} x ${box[2]}`);

      assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), [], 'no network requests');
      assert.deepEqual(problems, []);
    } finally {
      await browser.close();
    }
  });
});
