// JIS X 8341-3:2016 level AA (= WCAG 2.0 AA) in a real browser: axe-core's
// WCAG 2.0/2.1 A and AA rules find no violation on any page type, at phone or
// desktop width, and the keyboard path (skip link, visible focus) works.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { launch, siteUrl, viewports, pageTypes } from './lib.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** axe-core's violations on the loaded page, one readable line per element. */
async function violations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(
    (values) => window.axe.run(document, { runOnly: { type: 'tag', values }, resultTypes: ['violations'] }),
    tags,
  );
  return result.violations.flatMap((v) => v.nodes.map(
    (n) => `${v.id} (${v.impact}): ${v.help}\n    at ${n.target.join(' ')}\n    ${n.failureSummary.replace(/\n/g, ' ')}`,
  ));
}

for (const [name, path] of Object.entries(pageTypes)) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${name} at ${width} width has no axe violation (WCAG 2.0/2.1 A and AA)`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(siteUrl + path);
      const found = await violations(page);
      await page.close();
      assert.deepEqual(found, [], `${path} at ${viewport.width}px:\n${found.join('\n')}`);
    });
  }
}

test('the first Tab reaches a visible skip link that moves focus to the main content', async () => {
  const page = await browser.newPage({ viewport: viewports.phone });
  await page.goto(siteUrl + pageTypes.guide);
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement;
    const box = el.getBoundingClientRect();
    return { text: el.textContent, href: el.getAttribute('href'), top: box.top, height: box.height };
  });
  assert.equal(skip.text, '本文へ移動');
  assert.equal(skip.href, '#main');
  assert.ok(skip.top >= 0 && skip.height >= 44, `skip link is not on screen when focused: ${JSON.stringify(skip)}`);
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  await page.close();
});

test('every link and control shows a focus ring when reached with the keyboard', async () => {
  const page = await browser.newPage({ viewport: viewports.desktop });
  await page.goto(siteUrl + pageTypes.home);
  const seen = new Set();
  const bare = [];
  for (let i = 0; i < 60; i += 1) {
    await page.keyboard.press('Tab');
    const focus = await page.evaluate(() => {
      const el = document.activeElement;
      const style = getComputedStyle(el);
      return {
        what: `${el.tagName.toLowerCase()} ${el.textContent.trim().slice(0, 30)}`,
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      };
    });
    if (seen.has(focus.what)) continue;
    seen.add(focus.what);
    if (!focus.outline) bare.push(focus.what);
  }
  await page.close();
  assert.ok(seen.size > 20, `only ${seen.size} elements were reached with Tab`);
  assert.deepEqual(bare, [], `no visible focus ring on: ${bare.join(', ')}`);
});
