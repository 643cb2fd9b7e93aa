// Office search benchmark: gzipped index sizes and per-keystroke filter time
// in headless Chromium, for the demo, the demo with `include_not_adopted`,
// and a generated 60,000-office prefecture (bench/gen-prefecture.mjs).
//
//   node bench/search.mjs            (needs `npm ci` in tests/browser once)
//
// Builds each site with the release binary into a temporary folder, serves
// it on 127.0.0.1, types queries one key at a time and reads the timings
// search.js records for each keystroke (filtering, then rendering the list).
// Prints a Markdown table for bench/README.md. Runs once; do not loop it.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launch } from '../tests/browser/lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const work = mkdtempSync(join(tmpdir(), 'renkei-search-bench-'));
const bin = join(root, 'target', 'release', 'renkei');
const queries = ['さくら', 'ｻｸﾗｶｲｺﾞ', '44-1001-0030', 'かいご せんた', 'けあぷらん'];

execFileSync('cargo', ['build', '--release', '--quiet', '--manifest-path', join(root, 'Cargo.toml')], { stdio: 'inherit' });

function demoCopy(name, extraToml) {
  const dir = join(work, name);
  for (const part of ['content', 'data']) cpSync(join(root, part), join(dir, part), { recursive: true });
  cpSync(join(root, 'site.toml'), join(dir, 'site.toml'));
  if (extraToml) appendFileSync(join(dir, 'site.toml'), extraToml);
  return dir;
}

const sites = [
  { name: 'demo (411 adopted offices)', dir: demoCopy('demo') },
  { name: 'demo, include_not_adopted (3,908 offices)', dir: demoCopy('all', '\n[search]\ninclude_not_adopted = true\n') },
  { name: 'generated prefecture (60,000 offices)', dir: join(work, 'big'), municipality: '141186' },
];
execFileSync('node', [join(root, 'bench', 'gen-prefecture.mjs'), sites[2].dir, '60000'], { stdio: 'inherit' });

const gz = (bytes, level) => gzipSync(bytes, { level }).length;
const kb = (n) => (n / 1024).toFixed(1);
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const max = (xs) => Math.max(...xs);
/** Median / 90th percentile / max, in ms. */
const spread = (xs) => `${quantile(xs, 0.5).toFixed(1)} / ${quantile(xs, 0.9).toFixed(1)} / ${max(xs).toFixed(1)} ms`;

/** Serves a folder on a free loopback port, gzipped as a web server would. */
function serve(dir) {
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };
  const server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    let body;
    try {
      body = gzipSync(readFileSync(join(dir, path)), { level: 6 });
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-encoding': 'gzip' }).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Chrome DevTools' "Fast 4G" profile: 9 Mbit/s down, 60 ms latency. */
const fast4g = { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (1.5 * 1024 * 1024) / 8 };

/**
 * Opens offices/, optionally picks a municipality, types the first character
 * of the first query and waits for the whole index; then, unless only the
 * download is measured, types every query. Times and bytes come from the page
 * itself (search.js's marks, Resource Timing's encoded sizes).
 */
async function session(browser, url, { municipality, throttle, network } = {}) {
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  const cdp = await page.context().newCDPSession(page);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  if (network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', network);
  }
  await page.goto(url + 'offices/');
  const start = await page.evaluate(() => performance.now());
  if (municipality) await page.selectOption('#search-m', municipality);
  const input = page.locator('#search-q');
  await input.pressSequentially(queries[0].slice(0, 1));
  await page.waitForFunction(() => globalThis.renkeiSearch.readyAt !== undefined, null, { timeout: 120000 });
  const download = await page.evaluate((start) => {
    const api = globalThis.renkeiSearch;
    const index = performance.getEntriesByType('resource').filter((e) => e.name.includes('/search/'));
    const bytes = (until) => index.filter((e) => e.responseEnd <= until).reduce((a, e) => a + e.encodedBodySize, 0);
    return {
      first: { ms: api.firstResultsAt - start, bytes: bytes(api.firstResultsAt) },
      loaded: { ms: api.readyAt - start, bytes: bytes(api.readyAt), files: index.length },
    };
  }, start);
  if (network) {
    await page.close();
    return download;
  }
  await input.fill('');
  await page.evaluate(() => globalThis.renkeiSearch.timings.splice(0));
  for (const query of queries) {
    await input.pressSequentially(query, { delay: 30 });
    await input.fill('');
  }
  const timings = (await page.evaluate(() => globalThis.renkeiSearch.timings)).filter((t) => !t.loading);
  await page.close();
  return { ...download, timings };
}

const browser = await launch();
const version = browser.version();
const rows = [];
for (const site of sites) {
  const publicDir = join(site.dir, 'public');
  const server = await serve(publicDir);
  const url = `http://127.0.0.1:${server.address().port}/`;
  execFileSync(bin, ['build', '--root', site.dir, '--out', publicDir, '--base-url', url], { stdio: ['ignore', 'ignore', 'inherit'] });
  const files = readdirSync(join(publicDir, 'search')).map((f) => readFileSync(join(publicDir, 'search', f)));
  const sizes = {
    files: files.length,
    raw: files.reduce((a, f) => a + f.length, 0),
    gz6: files.reduce((a, f) => a + gz(f, 6), 0),
    gz9: files.reduce((a, f) => a + gz(f, 9), 0),
    largest: max(files.map((f) => gz(f, 6))),
  };
  const plain = await session(browser, url);
  const slow = await session(browser, url, { throttle: 4 });
  const scoped = site.municipality ? await session(browser, url, { municipality: site.municipality }) : null;
  const phone = await session(browser, url, { network: fast4g });
  const phoneScoped = site.municipality ? await session(browser, url, { municipality: site.municipality, network: fast4g }) : null;
  const filter = (s) => s.timings.map((t) => t.filter);
  const total = (s) => s.timings.map((t) => t.filter + t.render);
  rows.push({ site: site.name, sizes, plain, slow, scoped, phone, phoneScoped, filter, total });
  console.log(JSON.stringify({ site: site.name, sizes, phone, phoneScoped, keystrokes: plain.timings.length }));
  server.close();
}
await browser.close();
rmSync(work, { recursive: true, force: true });

const secs = (ms) => (ms / 1000).toFixed(2) + ' s';
console.log('\n| site | index files | index gzipped (level 6 / 9) | keystroke: filter (median / p90 / max) | filter + render | filter + render at 4× CPU throttle | on Fast 4G: first results after | on Fast 4G: everything searchable after |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  console.log(`| ${r.site} | ${r.sizes.files} | ${kb(r.sizes.gz6)} KB / ${kb(r.sizes.gz9)} KB (largest file ${kb(r.sizes.largest)} KB) | ` +
    `${spread(r.filter(r.plain))} | ${spread(r.total(r.plain))} | ${spread(r.total(r.slow))} | ` +
    `${kb(r.phone.first.bytes)} KB, ${secs(r.phone.first.ms)} | ${kb(r.phone.loaded.bytes)} KB, ${secs(r.phone.loaded.ms)} |`);
  if (r.scoped) {
    console.log(`| ${r.site}, one ward chosen first | – | – | ${spread(r.filter(r.scoped))} | ${spread(r.total(r.scoped))} | – | ` +
      `${kb(r.phoneScoped.first.bytes)} KB, ${secs(r.phoneScoped.first.ms)} | ${kb(r.phoneScoped.loaded.bytes)} KB, ${secs(r.phoneScoped.loaded.ms)} |`);
  }
}
console.log(`\n${rows[0].plain.timings.length} keystrokes per site (${queries.join(', ')}, each typed one character at a time, then cleared); ` +
  `Chromium ${version}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${cpus().length} cores.`);
