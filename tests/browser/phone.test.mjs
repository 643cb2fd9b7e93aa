// Phones first: at 375 px every tap target is at least 44 px square, every
// table scrolls inside its own captioned container, and the home page's
// figures are readable without zooming. Print hides navigation and keeps tables.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  launch, siteUrl, viewports, pageTypes, screenshotDir, overflowsHorizontally,
} from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/**
 * Targets smaller than 44×44 px. A link inside running text (display inline,
 * with other words around it) is exempt, as in WCAG's target-size criteria;
 * so are the shapes of the map, whose every link the table beside it repeats
 * at full size (WCAG 2.5.8's "equivalent" exception).
 */
function smallTargets() {
  const blockOf = (el) => {
    let p = el.parentElement;
    while (p && /^(inline|contents)$/.test(getComputedStyle(p).display)) p = p.parentElement;
    return p;
  };
  const found = [];
  for (const el of document.querySelectorAll('a[href], button, summary, input:not([type=hidden]), select, textarea')) {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden' || box.bottom < 0) continue;
    if (el.closest('svg.map')) continue;
    if (style.display === 'inline') {
      const others = blockOf(el).textContent.replace(el.textContent, '').trim();
      if (others.length > 0) continue;
    }
    if (box.width < 44 || box.height < 44) {
      found.push(`${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 40)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  return found;
}

/** Tables without a caption or not inside their own sideways-scrolling box. */
function badTables() {
  const found = [];
  for (const table of document.querySelectorAll('main table')) {
    const name = table.caption?.textContent.trim() ?? '';
    if (!name) found.push(`a table without caption: ${table.outerHTML.slice(0, 80)}`);
    const box = table.parentElement;
    const overflow = getComputedStyle(box).overflowX;
    if (!['auto', 'scroll'].includes(overflow)) found.push(`"${name}" does not scroll in its own box`);
    if (box.getBoundingClientRect().right > document.documentElement.clientWidth + 1) found.push(`"${name}" box is wider than the screen`);
    if (box.scrollWidth > box.clientWidth && box.tabIndex < 0) found.push(`"${name}" scrolls but cannot be reached with the keyboard`);
    // The rate (a figure table's key cell) is always in view, never behind a scroll.
    for (const cell of table.querySelectorAll('td.key')) {
      if (cell.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) {
        found.push(`"${name}" hides its rate ${cell.textContent} behind a scroll`);
        break;
      }
    }
  }
  return found;
}

for (const [name, path] of Object.entries(pageTypes)) {
  test(`${name} at 375 px: tap targets are at least 44 px`, async () => {
    const page = await browser.newPage({ viewport: viewports.phone });
    await page.goto(siteUrl + path);
    const found = await page.evaluate(smallTargets);
    await page.close();
    assert.deepEqual(found, [], `${path}: small tap targets:\n${found.join('\n')}`);
  });

  test(`${name} at 375 px: tables scroll inside their own captioned box`, async () => {
    const page = await browser.newPage({ viewport: viewports.phone });
    await page.goto(siteUrl + path);
    const found = await page.evaluate(badTables);
    await page.close();
    assert.deepEqual(found, [], `${path}:\n${found.join('\n')}`);
  });
}

test('no page scrolls sideways at 320 px either (text zoomed to 400% on a desktop)', async () => {
  const page = await browser.newPage({ viewport: { width: 320, height: 640 } });
  const wide = [];
  for (const [name, path] of Object.entries(pageTypes)) {
    await page.goto(siteUrl + path);
    if (await overflowsHorizontally(page)) wide.push(name);
  }
  await page.close();
  assert.deepEqual(wide, [], `scrolls sideways at 320 px: ${wide.join(', ')}`);
});

test('the global navigation reaches every section at 375 px without JavaScript', async () => {
  const context = await browser.newContext({ viewport: viewports.phone, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(siteUrl);
  const links = await page.$$eval('nav[aria-label="メインメニュー"] a', (as) => as.map((a) => {
    const box = a.getBoundingClientRect();
    return { text: a.textContent.trim(), visible: box.width >= 44 && box.height >= 44 && box.right <= innerWidth };
  }));
  await context.close();
  const texts = links.map((l) => l.text);
  for (const section of ['導入ガイド', '操作マニュアル', 'よくある質問', '市町村別の導入状況', '導入事業所一覧', 'お知らせ']) {
    assert.ok(texts.includes(section), `no navigation link to ${section}: ${texts.join(', ')}`);
  }
  const hidden = links.filter((l) => !l.visible).map((l) => l.text);
  assert.deepEqual(hidden, [], `navigation links not shown on a phone: ${hidden.join(', ')}`);
});

test('the home page figures are readable on a phone without zooming', async () => {
  const page = await browser.newPage({ viewport: viewports.phone });
  await page.goto(siteUrl);
  const problems = await page.evaluate(() => {
    const found = [];
    const width = document.documentElement.clientWidth;
    const px = (el) => parseFloat(getComputedStyle(el).fontSize);
    const figures = document.querySelectorAll('.key-figures > div');
    if (figures.length < 3) found.push(`only ${figures.length} key figures`);
    for (const fig of figures) {
      const box = fig.getBoundingClientRect();
      if (box.left < 0 || box.right > width) found.push(`key figure "${fig.textContent.trim()}" is cut off`);
      const big = fig.querySelector('.big');
      if (big && px(big) < 24) found.push(`key figure number at ${px(big)}px`);
      if (px(fig.querySelector('dt')) < 16) found.push(`key figure label at ${px(fig.querySelector('dt'))}px`);
    }
    for (const el of document.querySelectorAll('main table th, main table td, main table caption')) {
      if (px(el) < 14) found.push(`table text "${el.textContent.trim().slice(0, 20)}" at ${px(el)}px`);
    }
    // Charts are SVG: their text must not shrink below 12 px when scaled to fit.
    for (const text of document.querySelectorAll('main svg text')) {
      const h = text.getBoundingClientRect().height;
      if (h > 0 && h < 12) found.push(`chart text "${text.textContent.trim().slice(0, 20)}" drawn ${h.toFixed(1)}px high`);
    }
    for (const svg of document.querySelectorAll('main svg')) {
      if (svg.getBoundingClientRect().right > width + 1) found.push('a chart is wider than the screen');
    }
    return found;
  });
  await page.close();
  assert.deepEqual(problems, [], problems.join('\n'));
});

test('print hides the navigation and keeps every table whole-width and visible', async () => {
  const page = await browser.newPage({ viewport: viewports.desktop });
  await page.goto(siteUrl + pageTypes.municipality);
  await page.emulateMedia({ media: 'print' });
  const state = await page.evaluate(() => ({
    nav: getComputedStyle(document.querySelector('.global-nav')).display,
    crumbs: getComputedStyle(document.querySelector('.breadcrumbs')).display,
    skip: getComputedStyle(document.querySelector('.skip-link')).display,
    tables: [...document.querySelectorAll('main .table-scroll')].map((b) => getComputedStyle(b).overflowX),
    headers: [...document.querySelectorAll('main thead')].map((h) => getComputedStyle(h).display),
  }));
  assert.equal(state.nav, 'none');
  assert.equal(state.crumbs, 'none');
  assert.equal(state.skip, 'none');
  assert.ok(state.tables.length > 0 && state.tables.every((o) => o === 'visible'), `tables still scroll in print: ${state.tables}`);
  assert.ok(state.headers.every((d) => d === 'table-header-group'), 'table headers do not repeat on each page');
  mkdirSync(screenshotDir, { recursive: true });
  await page.pdf({ path: join(screenshotDir, 'municipality-print.pdf'), format: 'A4', printBackground: true });
  await page.close();
});
