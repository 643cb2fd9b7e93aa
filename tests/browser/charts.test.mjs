// Charts at phone and desktop width: the drawing meant for the width is the
// one shown, it fits its container, no text runs outside it, its text is
// large enough to read, and the page does not scroll sideways.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch, siteUrl, viewports, overflowsHorizontally, screenshot } from './lib.mjs';

/** Pages with charts, and how many charts each has. */
const chartPages = {
  'charts-home': ['', 2],
  'charts-municipality': ['municipalities/442101/', 2],
  'charts-municipalities': ['municipalities/', 1],
  'charts-survey': ['surveys/office-survey-2025/', 4],
};

/** Smallest text on screen, in CSS pixels, that a chart may draw. */
const smallestText = 11;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

for (const [name, [path, count]] of Object.entries(chartPages)) {
  for (const [width, viewport] of Object.entries(viewports)) {
    test(`${name} at ${width} width shows ${count} readable charts that fit`, async () => {
      const page = await browser.newPage({ viewport });
      await page.goto(siteUrl + path);
      const charts = await page.$$eval('figure.chart', (figures) => figures.map((figure) => {
        const shown = [...figure.querySelectorAll('svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
        const svg = shown[0];
        if (!svg) return { shown: 0 };
        const box = svg.getBoundingClientRect();
        const view = svg.viewBox.baseVal;
        const scale = box.width / view.width;
        const outside = [...svg.querySelectorAll('text')].filter((text) => {
          const b = text.getBBox();
          return b.x < -0.5 || b.y < -0.5 || b.x + b.width > view.width + 0.5 || b.y + b.height > view.height + 0.5;
        }).map((text) => text.textContent);
        const sizes = [...svg.querySelectorAll('text')].map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
        return {
          shown: shown.length,
          variant: svg.classList.contains('chart-narrow') ? 'narrow' : 'wide',
          role: svg.getAttribute('role'),
          title: svg.querySelector('title')?.textContent ?? '',
          desc: svg.querySelector('desc')?.textContent ?? '',
          width: box.width,
          height: box.height,
          container: figure.getBoundingClientRect().width,
          outside,
          smallest: Math.min(...sizes),
          marks: svg.querySelectorAll('[data-value]').length,
        };
      }));
      assert.equal(charts.length, count);
      for (const chart of charts) {
        assert.equal(chart.shown, 1, 'exactly one drawing of each chart is shown');
        assert.equal(chart.variant, width === 'phone' ? 'narrow' : 'wide');
        assert.equal(chart.role, 'img');
        assert.ok(chart.title.length > 0 && chart.desc.length > 0, 'title and description');
        assert.ok(chart.width > 0 && chart.height > 0, `${chart.title} is not visible`);
        assert.ok(chart.width <= chart.container + 0.5, `${chart.title} is wider than its container`);
        assert.deepEqual(chart.outside, [], `${chart.title}: text outside the drawing`);
        assert.ok(chart.smallest >= smallestText, `${chart.title}: text of ${chart.smallest.toFixed(1)}px`);
        assert.ok(chart.marks > 0, `${chart.title} has no data points`);
      }
      await screenshot(page, `${name}-${width}`);
      assert.equal(await overflowsHorizontally(page), false, `${path} scrolls sideways at ${viewport.width}px`);
      await page.close();
    });
  }
}
