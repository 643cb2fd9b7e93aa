// How fast `renkei serve` shows an edit in an open browser. On a copy of the
// demo, with a page open in headless Chromium, it saves a guide (or drops a
// new adoption snapshot CSV) and times, per run:
//   debounce end → shown: from the server's `changed:` line (printed when the
//     burst of file events has settled, before the rebuild) to the `load`
//     event of the reloaded page showing the new text; the figure in
//     bench/README.md, whose target is 300 ms;
//   rebuild: the server's own `built in N ms`;
//   reload: the rest (telling the page, its reload, parse, stylesheet, load);
//   save → shown: the same, from the moment the file was written (includes
//     the 100 ms debounce).
// Run with bench/serve-reload.sh, which builds the release binary first.
import { readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { launch } from '../tests/browser/lib.mjs';
import { copyDemo, startServe } from '../tests/browser/live.mjs';

const runs = Number(process.argv[2] ?? 10);
const now = () => performance.timeOrigin + performance.now();

const site = copyDemo();
const server = await startServe(site);
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });

/** Saves a file, waits for the page to show `text`, and returns the timings. */
async function measure(rel, contents, text) {
  const from = server.lines.length;
  const saved = now();
  writeFileSync(join(site, rel), contents);
  const changed = await server.waitForLine(/^changed: /, from);
  const built = await server.waitForLine(/^built in (\d+) ms/, from);
  await page.getByText(text).first().waitFor({ timeout: 30000 });
  const loaded = await page.evaluate(async () => {
    const navigation = () => performance.getEntriesByType('navigation')[0];
    while (!navigation()?.loadEventStart) await new Promise((r) => setTimeout(r, 5));
    return performance.timeOrigin + navigation().loadEventStart;
  });
  const shown = loaded - (performance.timeOrigin + changed.time);
  const rebuild = Number(built.text.match(/^built in (\d+) ms/)[1]);
  return { shown, rebuild, reload: shown - rebuild, total: loaded - saved };
}

const summary = (label, values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const ms = (v) => `${Math.round(v)} ms`;
  return `${label}: min ${ms(sorted[0])}, median ${ms(sorted[Math.floor(sorted.length / 2)])}, max ${ms(sorted[sorted.length - 1])}`;
};

const report = (kind, results) => {
  console.log(`${kind} (${results.length} runs)`);
  console.log(`  ${summary('debounce end → shown', results.map((r) => r.shown))}`);
  console.log(`  ${summary('rebuild', results.map((r) => r.rebuild))}`);
  console.log(`  ${summary('reload', results.map((r) => r.reload))}`);
  console.log(`  ${summary('save → shown', results.map((r) => r.total))}`);
};

try {
  // A guide saved in an editor.
  const guide = 'content/guides/download.md';
  const original = readFileSync(join(site, guide), 'utf8');
  await page.goto(`${server.url}guides/download/`);
  const edits = [];
  for (let i = 1; i <= runs; i++) {
    const text = `ベンチマークの編集 ${i} 回目。`;
    edits.push(await measure(guide, `${original}\n${text}\n`, text));
  }
  report('Markdown guide saved, guide page open', edits);

  // A new snapshot dropped into data/adoption/: the home page's as-of date moves.
  const newest = readFileSync(join(site, 'data/adoption/2025-11-30.csv'), 'utf8');
  const adopted = new Set(newest.split('\n').slice(1).map((l) => l.split(',')[0]));
  const candidates = readFileSync(join(site, 'data/offices.csv'), 'utf8')
    .split('\n').slice(1).map((l) => l.split(',')[0]).filter((n) => /^\d{10}$/.test(n) && !adopted.has(n));
  await page.goto(server.url);
  const drops = [];
  for (let i = 1; i <= runs; i++) {
    const day = String(i).padStart(2, '0');
    const rows = candidates.slice(0, i * 5).map((n) => `${n},なし,`).join('\n');
    const csv = `${newest.trimEnd()}\n${rows}\n`;
    drops.push(await measure(`data/adoption/2025-12-${day}.csv`, csv, `令和7年12月${i}日時点`));
  }
  report('snapshot CSV dropped, home page open', drops);
} finally {
  await browser.close();
  await server.stop();
  rmSync(site, { recursive: true, force: true });
}
