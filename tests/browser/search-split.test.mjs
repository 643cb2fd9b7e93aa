// The office search of a large site: an index split by municipality, with
// every target office (`include_not_adopted`). Builds a generated prefecture
// of 7,000 offices (bench/gen-prefecture.mjs) with the binary run.sh built,
// serves it on a free loopback port, and checks that a search in one
// municipality fetches only its part, a prefecture-wide text search one bucket
// of text grams, and that both count right.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, dirname, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, renkeiBin } from './lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'renkei-split-'));
let server;
let url;
let browser;
let offices;

before(async () => {
  execFileSync('node', [join(root, 'bench', 'gen-prefecture.mjs'), dir, '9000'], { stdio: 'ignore' });
  const [header, ...lines] = readFileSync(join(dir, 'data/offices.csv'), 'utf8').trim().split('\n');
  const keys = header.split(',');
  offices = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
  server = createServer((req, res) => {
    let path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (path.endsWith('/')) path += 'index.html';
    const type = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
    let body;
    try {
      body = readFileSync(join(dir, 'public', path));
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': type[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${server.address().port}/`;
  execFileSync(renkeiBin, ['build', '--root', dir, '--base-url', url], { stdio: 'ignore' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Opens offices/ and records which index files the page fetched. */
async function open(path = '') {
  const page = await browser.newPage();
  page.fetched = [];
  page.on('requestfinished', (r) => {
    const p = new URL(r.url()).pathname;
    if (p.startsWith('/search/')) page.fetched.push(p.slice('/search/'.length));
  });
  await page.goto(url + 'offices/' + path);
  return page;
}

function expected(spellings, code) {
  return offices.filter((o) => (!code || o.municipality_code === code) &&
    [o.name, o.name_kana, o.corporation, o.address].some((f) => spellings.some((s) => f.includes(s))));
}

test('a search in one municipality fetches only that municipality\'s part', async () => {
  const manifest = JSON.parse(readFileSync(join(dir, 'public/search/index.json'), 'utf8'));
  assert.ok(manifest.parts.length > 1, 'the index is split');
  const ward = manifest.municipalities.code.indexOf('141186');
  const part = manifest.parts.find((p) => p.from <= ward && ward <= p.to);
  const page = await open();
  await page.selectOption('#search-m', '141186');
  await page.locator('#search-q').pressSequentially('さくら');
  const want = expected(['さくら', 'サクラ'], '141186');
  const adopted = want.filter((o) => readFileSync(join(dir, 'data/adoption/2025-11-30.csv'), 'utf8').includes(o.office_number)).length;
  await page.waitForFunction((t) => document.getElementById('search-status').textContent === t,
    `${want.length}件の事業所が見つかりました（うち導入済み${adopted}件）`);
  assert.deepEqual(page.fetched, ['index.json', part.url]);
  assert.deepEqual(await page.locator('#office-results h2 a').allTextContents(), ['横浜市都筑区']);
  assert.ok(await page.locator('.office-not-adopted').count() > 0, 'offices not yet adopted are shown as such');
  await page.close();
});

test('a prefecture-wide text search fetches one gram bucket and counts every match', async () => {
  const page = await open('?q=' + encodeURIComponent('ｹｱﾌﾟﾗﾝ'));
  const want = expected(['ケアプラン']);
  await page.waitForFunction((n) => document.getElementById('search-status').textContent.startsWith(`${n}件の事業所が見つかりました（うち`), want.length);
  assert.equal(page.fetched.length, 2, page.fetched.join(' '));
  assert.equal(page.fetched[0], 'index.json');
  assert.match(page.fetched[1], /^g\/\d+\.json$/);
  assert.equal(await page.locator('#office-results .office').count(), 50, 'the first 50 are shown');
  await page.click('.office-more');
  assert.equal(await page.locator('#office-results .office').count(), 100);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('office')), true,
    'focus moves to the first newly shown office');
  await page.close();
});

test('an office that has not adopted is found by its number across the prefecture, linked to its page', async () => {
  const adopted = readFileSync(join(dir, 'data/adoption/2025-11-30.csv'), 'utf8');
  const office = offices.find((o) => !adopted.includes(o.office_number));
  const number = office.office_number;
  const page = await open('?q=' + encodeURIComponent(`${number.slice(0, 2)}-${number.slice(2, 6)}-${number.slice(6)}`));
  await page.waitForFunction(() => document.getElementById('search-status').textContent.startsWith('1件の事業所が見つかりました'));
  assert.equal(page.fetched.length, 2, page.fetched.join(' '));
  const item = page.locator('#office-results .office');
  assert.equal(await item.locator('.office-badge').textContent(), '未導入');
  assert.equal(await item.locator('h3 a').getAttribute('href'), `/offices/${number}/`);
  await page.selectOption('#search-a', '1');
  await page.waitForFunction(() => document.getElementById('search-status').textContent.startsWith('0件'));
  await page.close();
});

test('a query of very common pairs only falls back to the parts', async () => {
  const page = await open('?q=' + encodeURIComponent('介護'));
  const manifest = JSON.parse(readFileSync(join(dir, 'public/search/index.json'), 'utf8'));
  assert.ok(manifest.grams.stop.includes('介護'), 'a stop pair');
  await page.waitForFunction(() => window.renkeiSearch.ready);
  assert.deepEqual(page.fetched.sort(), ['index.json', ...manifest.parts.map((p) => p.url)].sort());
  await page.close();
});

test('without JavaScript a long list links to the municipality pages', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url + 'offices/');
  const links = await page.locator('.office-municipalities a').count();
  assert.ok(links > 20, `${links} municipality links`);
  await context.close();
});
