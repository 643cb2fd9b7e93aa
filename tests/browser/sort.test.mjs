// The municipality and area tables sort by any column: the heads are buttons
// that put the highest first, then the lowest, and aria-sort says which.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, siteUrl, viewports } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The rates (as numbers, an empty rate -1) of a sortable table's rows. */
async function rates(page) {
  return page.$$eval('table[data-sortable] tbody tr', (rows) => rows.map((r) => {
    const value = parseFloat(r.cells[3].textContent);
    return Number.isNaN(value) ? -1 : value;
  }));
}

test('the municipality table sorts by rate, highest first, then lowest', async () => {
  const page = await browser.newPage({ viewport: viewports.phone });
  await page.goto(`${siteUrl}municipalities/`);
  const names = await page.$$eval('table[data-sortable] tbody th', (cells) => cells.map((c) => c.textContent));
  const head = page.locator('table[data-sortable] thead th').nth(3);
  await head.locator('button').click();
  assert.equal(await head.getAttribute('aria-sort'), 'descending');
  const down = await rates(page);
  assert.deepEqual(down, [...down].sort((a, b) => b - a));
  await head.locator('button').click();
  assert.equal(await head.getAttribute('aria-sort'), 'ascending');
  const up = await rates(page);
  assert.deepEqual(up, [...up].sort((a, b) => a - b));
  const first = page.locator('table[data-sortable] thead th').first();
  await first.locator('button').click();
  assert.deepEqual(await page.$$eval('table[data-sortable] tbody th', (cells) => cells.map((c) => c.textContent)), names);
  await page.close();
});
