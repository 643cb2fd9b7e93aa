// Office pages as an office uses them: an adopted office's page prints as a
// one-page A4 flyer whose QR code opens that page; a not-adopted office's
// prints a one-page invitation; partners and search results lead to office pages.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, siteUrl, pageTypes, viewports } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Prints a page to an A4 PDF as the browser's print dialog would. */
async function printToPdf(path) {
  const page = await browser.newPage({ viewport: viewports.desktop });
  await page.goto(siteUrl + path);
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const file = join(mkdtempSync(join(tmpdir(), 'renkei-flyer-')), 'page.pdf');
  writeFileSync(file, pdf);
  return file;
}

/** How many pages a PDF has, read by poppler's pdfinfo. */
function pageCount(pdf) {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
  assert.equal(info.status, 0, info.stderr);
  return Number(/^Pages:\s+(\d+)/m.exec(info.stdout)[1]);
}

/** The text of every QR code on the PDF's first page, read by zbarimg. */
function qrCodes(pdf) {
  const png = pdf.replace(/\.pdf$/, '');
  const render = spawnSync('pdftoppm', ['-png', '-r', '200', '-singlefile', pdf, png]);
  assert.equal(render.status, 0, String(render.stderr));
  const scan = spawnSync('zbarimg', ['--quiet', '--raw', `${png}.png`], { encoding: 'utf8' });
  assert.equal(scan.status, 0, `zbarimg found no code: ${scan.stderr}`);
  return scan.stdout.trim().split('\n');
}

test('an adopted office prints as a one-page flyer whose QR code opens its page', async () => {
  const pdf = await printToPdf(pageTypes['office-adopted']);
  assert.equal(pageCount(pdf), 1);
  assert.deepEqual(qrCodes(pdf), [siteUrl + pageTypes['office-adopted']]);
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
  assert.match(text, /ケアプランデータ連携システムを導入しました/);
  assert.match(text, /導入日/);
  assert.match(text, /令和\d+年\d+月\d+日/);
});

test('a not-adopted office prints a one-page invitation with the same QR code', async () => {
  const pdf = await printToPdf(pageTypes['office-not-adopted']);
  assert.equal(pageCount(pdf), 1);
  assert.deepEqual(qrCodes(pdf), [siteUrl + pageTypes['office-not-adopted']]);
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
  assert.match(text, /導入をご検討ください/);
});

test('the print button prints and partners lead to their office pages', async () => {
  const page = await browser.newPage({ viewport: viewports.phone });
  await page.goto(siteUrl + pageTypes['office-adopted']);
  const button = page.locator('[data-print]');
  assert.equal(await button.isVisible(), true);
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await button.click();
  assert.equal(await page.evaluate(() => window.printed), true);
  const partner = page.locator('.partner-list a').first();
  const href = await partner.getAttribute('href');
  assert.match(href, /\/offices\/[0-9A-Z]{10}\/$/);
  await partner.click();
  await page.waitForURL(`**${href}`);
  assert.match(await page.locator('h1').innerText(), /\S/);
  await page.close();
});

test('office search results link to each office page', async () => {
  const page = await browser.newPage({ viewport: viewports.desktop });
  await page.goto(`${siteUrl}offices/?q=${encodeURIComponent('大分地域包括')}`);
  const link = page.locator('#office-results .office-name a').first();
  await link.waitFor();
  assert.equal(await link.getAttribute('href'), new URL(siteUrl).pathname + pageTypes['office-adopted']);
  await page.close();
});
