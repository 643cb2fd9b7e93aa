// Every page type of the demo loads in Chromium, fits a phone screen, and is
// screenshotted at phone and desktop width into screenshots/ for a person to look at.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  launch, siteUrl, viewports, pageTypes, expectedStatus, overflowsHorizontally, screenshot,
} from './lib.mjs';

export { pageTypes };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, path] of Object.entries(pageTypes)) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${name} at ${width} width renders without sideways scrolling`, async () => {
      const page = await browser.newPage({ viewport });
      const response = await page.goto(siteUrl + path);
      assert.equal(response.status(), expectedStatus(name));
      assert.equal(await page.getAttribute('html', 'lang'), 'ja');
      assert.ok((await page.title()).length > 0);
      await page.evaluate(() => document.fonts.ready);
      await screenshot(page, `${name}-${viewport.width}`);
      assert.equal(await overflowsHorizontally(page), false, `${path} scrolls sideways at ${viewport.width}px`);
      await page.close();
    });
  }
}
