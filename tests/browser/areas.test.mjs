// An area page of the city portal as a community support center uses it: each
// of its three lists (導入済み, 導入予定, 未導入) starts on a page of its own when
// printed on A4, headed by the area, so one list can be handed out at a meeting.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, siteUrl, pageTypes } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The text of each page of a PDF, read by poppler's pdftotext. */
function pageTexts(pdf) {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  return Array.from({ length: pages }, (_, i) => spawnSync(
    'pdftotext', ['-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' },
  ).stdout.replace(/\s+/g, ''));
}

test('each list of an area page starts its own A4 page when printed', async () => {
  const page = await browser.newPage();
  await page.goto(siteUrl + pageTypes['city-area']);
  await page.evaluate(() => document.fonts.ready);
  const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
  await page.close();
  const file = join(mkdtempSync(join(tmpdir(), 'renkei-area-')), 'area.pdf');
  writeFileSync(file, pdf);
  const texts = pageTexts(file);
  for (const title of ['導入済み', '導入予定', '未導入']) {
    const heading = `湊山圏域の${title}の事業所`;
    assert.ok(
      texts.some((text) => text.startsWith(heading)),
      `no page starts with ${heading}:\n${texts.map((t) => t.slice(0, 40)).join('\n')}`,
    );
  }
  const planned = texts.find((text) => text.startsWith('湊山圏域の導入予定の事業所'));
  assert.ok(planned.includes('湊山地域包括支援センター（架空）'), 'the list names its center');
  assert.ok(/0859-00-\d{4}/.test(planned), 'with phone numbers');
});
