// Japanese line breaks at 375 px: lines break only between words, never
// 「導／入」 or 「ポータ／ル」. Each checked element's text is measured with Range
// client rects (a new line starts where a character's box moves down), and
// every break must fall on a word boundary of the browser's own dictionary
// (Intl.Segmenter's Japanese words, ICU's dictionary). Table headers never
// break between every character. On the demo and the city example.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, siteUrl, viewports } from './lib.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Pages and the elements on them whose lines are checked. */
const checks = [
  { path: '', selectors: ['.site-title', 'h1', 'h2', '.global-nav a', 'thead th'] },
  { path: 'municipalities/442101/', selectors: ['h1', 'thead th', 'caption', '.breadcrumbs li'] },
  { path: 'offices/', selectors: ['h1', '.office-name'] },
  { path: 'offices/4400010016/', selectors: ['h1'], print: ['.flyer-title', '.flyer-kicker'] },
  { path: 'offices/4400010024/', selectors: ['h1'], print: ['.flyer-title', '.flyer-office'] },
  { path: 'city/', selectors: ['.site-title', 'h1', 'thead th'] },
  { path: 'city/areas/minatoyama/', selectors: ['h1', 'tbody th a', 'thead th'] },
  { path: 'city/offices/', selectors: ['.office-name'] },
];

/** Every line break inside the matched elements that is not on a word boundary. */
function badBreaks(selectors) {
  const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });
  const found = [];
  for (const selector of selectors) {
    for (const element of document.querySelectorAll(selector)) {
      if (!element.getClientRects().length) continue;
      const text = element.textContent;
      const boundaries = new Set([0, text.length]);
      for (const s of segmenter.segment(text)) boundaries.add(s.index);
      // The character boxes, in text order.
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let offset = 0;
      let lastTop = null;
      const lines = [[]];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (let i = 0; i < node.data.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          const at = offset + i;
          if (rect && rect.width > 0) {
            if (lastTop !== null && rect.top > lastTop + rect.height / 2) {
              lines.push([]);
              const before = text[at - 1];
              const after = text[at];
              const punctuated = /[\s、。・／）」』】〕,.]/.test(before) || /[\s（「『【〔]/.test(after);
              if (!boundaries.has(at) && !punctuated) {
                found.push(`${selector}: ${text.slice(0, at)}／${text.slice(at)}`);
              }
            }
            lastTop = rect.top;
          }
          lines[lines.length - 1].push(text[at]);
        }
        offset += node.data.length;
      }
      if (element.tagName === 'TH' && lines.length > 2 && lines.every((l) => l.join('').trim().length <= 1)) {
        found.push(`${selector}: one character a line: ${text}`);
      }
    }
  }
  return found;
}

for (const { path, selectors, print } of checks) {
  test(`lines break between words at 375 px: /${path}`, async () => {
    const page = await browser.newPage({ viewport: viewports.phone });
    await page.goto(siteUrl + path);
    const found = await page.evaluate(badBreaks, selectors);
    if (print) {
      await page.emulateMedia({ media: 'print' });
      found.push(...await page.evaluate(badBreaks, print));
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}
