// The adoption map at phone and desktop width: one link per municipality,
// named by its name and rate, reachable with the keyboard, inside its
// container with no sideways scroll, with its legend and credit line.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, siteUrl, viewports, overflowsHorizontally, screenshot } from './lib.mjs';

/** Pages with the map. */
const mapPages = { 'map-home': '', 'map-municipalities': 'municipalities/' };

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, path] of Object.entries(mapPages)) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${name} at ${width} width: every shape is a named link and the map fits`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(siteUrl + path);
      const map = await page.$eval('figure.map-figure', (figure) => {
        const svg = figure.querySelector('svg.map');
        const box = svg.getBoundingClientRect();
        const links = [...svg.querySelectorAll('a')];
        return {
          width: box.width,
          height: box.height,
          container: figure.getBoundingClientRect().width,
          links: links.length,
          linksWithHref: links.filter((a) => a.getAttribute('href')?.includes('/municipalities/')).length,
          coded: links.filter((a) => /^\d{6}$/.test(a.dataset.code) && 'rate' in a.dataset).length,
          drawn: links.filter((a) => a.querySelector('path').getBBox().width > 0).length,
          legend: figure.querySelectorAll('.map-legend li').length,
          credit: figure.querySelector('.map-credit')?.textContent ?? '',
        };
      });
      assert.equal(map.links, 18, 'one shape per municipality of the demo');
      assert.equal(map.linksWithHref, 18);
      assert.equal(map.coded, 18);
      assert.equal(map.drawn, 18, 'every shape has an area on screen');
      assert.ok(map.width > 0 && map.width <= map.container + 0.5, 'the map fits its container');
      assert.ok(map.legend >= 5, 'five classes in the legend');
      assert.match(map.credit, /^出典：国土交通省「国土数値情報（行政区域データ）」/);
      await page.getByRole('link', { name: '杵築市 68.6%', exact: true }).waitFor();
      await screenshot(page, `${name}-${viewport.width}`);
      assert.equal(await overflowsHorizontally(page), false, `${path} scrolls sideways at ${viewport.width}px`);
      await page.close();
    });
  }
}

test('map shapes take the keyboard focus in the order of the table', async () => {
  const page = await browser.newPage({ viewport: viewports.desktop });
  await page.goto(siteUrl + 'municipalities/');
  await page.focus('svg.map a');
  const first = await page.evaluate(() => document.activeElement.dataset.code);
  await page.keyboard.press('Tab');
  const second = await page.evaluate(() => document.activeElement.dataset.code);
  assert.deepEqual([first, second], ['442011', '442020']);
  await page.close();
});
