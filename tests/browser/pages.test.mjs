// Every page type of the demo loads in Chromium and fits a phone screen.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, siteUrl, viewports, overflowsHorizontally, screenshot } from './lib.mjs';

/** One page of each type, by name. */
export const pageTypes = {
  home: '',
  municipalities: 'municipalities/',
  municipality: 'municipalities/442101/',
  offices: 'offices/',
  guide: 'guides/download/',
  manual: 'manuals/mirai-note/export/',
  faq: 'faq/',
  news: 'news/',
  'news-item': 'news/2025-05-19-free-pass-campaign/',
  survey: 'surveys/office-survey-2025/',
  'not-found': '404.html',
};

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, path] of Object.entries(pageTypes)) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${name} at ${width} width renders without sideways scrolling`, async () => {
      const page = await browser.newPage({ viewport });
      const response = await page.goto(siteUrl + path);
      assert.equal(response.status(), name === 'not-found' ? 200 : 200);
      assert.equal(await page.getAttribute('html', 'lang'), 'ja');
      assert.ok((await page.title()).length > 0);
      await screenshot(page, `${name}-${width}`);
      assert.equal(await overflowsHorizontally(page), false, `${path} scrolls sideways at ${viewport.width}px`);
      await page.close();
    });
  }
}
