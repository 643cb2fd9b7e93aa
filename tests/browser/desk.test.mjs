// The editing desk of `renkei serve` as an editor uses it, in Chromium: the
// printed address opens it; a guide is edited from its 「このページを編集」
// link and saved; a change that breaks a link is refused with its line; a
// news item is created from 新しいページ; 元に戻す restores the guide; an
// adoption list shows its effect and is registered, one with an unknown
// office is not. The desk's pages have no axe violation and fit a phone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, existsSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { launch, viewports } from './lib.mjs';
import { copyDemo, startServe } from './live.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const wait = { timeout: 60000 };
const guideFile = 'content/guides/application.md';

let browser;
let server;
let site;
let context;
let page;
let original;

const read = (rel) => readFileSync(join(site, rel), 'utf8');

/** The kept versions under .renkei/history/, as text. */
const kept = () => {
  const dir = join(site, '.renkei', 'history');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((id) => join(dir, id, 'file'))
    .filter((file) => existsSync(file))
    .map((file) => readFileSync(file, 'utf8'));
};

async function violations(target) {
  await target.addScriptTag({ content: axeSource });
  const result = await target.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    resultTypes: ['violations'],
  }));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${v.help} at ${n.target.join(' ')}`));
}

before(async () => {
  site = copyDemo();
  original = read(guideFile);
  server = await startServe(site);
  browser = await launch();
  context = await browser.newContext({ viewport: viewports.desktop });
  page = await context.newPage();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  if (site) rmSync(site, { recursive: true, force: true });
});

test('the printed address opens the desk, on a line of its own', async () => {
  let address;
  for (let i = 0; i < 100 && !address; i += 1) {
    address = server.stdout().match(/^(http:\/\/127\.0\.0\.1:\d+\/_renkei\/\?key=[0-9a-f]{32})$/m)?.[1];
    if (!address) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.ok(address, server.stdout());
  await page.goto(address);
  assert.equal(new URL(page.url()).search, '', 'the key leaves the address bar');
  await page.locator('h1', { hasText: '編集デスク' }).waitFor(wait);
  const cookies = await context.cookies();
  const cookie = cookies.find((c) => c.name === 'renkei-desk');
  assert.equal(cookie.httpOnly, true);
  assert.equal(cookie.sameSite, 'Strict');
});

test('a guide edited from its page is saved, kept in history and previewed', async () => {
  await page.goto(`${server.url}guides/application/`);
  await page.getByRole('link', { name: 'このページを編集' }).click();
  await page.waitForURL(`**/_renkei/edit/${guideFile}`);
  assert.equal(await page.getByLabel('タイトル').inputValue(), original.match(/title = "(.*)"/)[1]);
  const body = page.getByLabel('本文');
  await body.fill(`${await body.inputValue()}\nデスクから加えた一文です。\n`);
  // The preview beside the form follows the text.
  await page.frameLocator('#preview').getByText('デスクから加えた一文です。').waitFor(wait);
  assert.equal(read(guideFile), original, 'typing writes nothing');
  assert.deepEqual(await violations(page), []);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('保存しました').waitFor(wait);
  assert.match(read(guideFile), /デスクから加えた一文です。/);
  assert.ok(kept().includes(original), 'the old guide is in .renkei/history/');
  const preview = await context.newPage();
  await preview.goto(`${server.url}guides/application/`);
  await preview.getByText('デスクから加えた一文です。').waitFor(wait);
  await preview.close();
});

test('a change that breaks a link is refused with its line, the file untouched', async () => {
  await page.goto(`${server.url}_renkei/edit/${guideFile}`);
  const before = read(guideFile);
  const body = page.getByLabel('本文');
  await body.fill(`${await body.inputValue()}\n[どこにもない](@/guides/nowhere.md)\n`);
  await page.getByRole('button', { name: '保存' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor(wait);
  assert.match(await alert.textContent(), new RegExp(`${guideFile}:\\d+`));
  assert.match(await page.getByLabel('本文').inputValue(), /@\/guides\/nowhere\.md/, 'the text is kept');
  assert.equal(read(guideFile), before);
});

test('a news item made in 新しいページ appears on the news list', async () => {
  await page.goto(`${server.url}_renkei/new`);
  await page.getByLabel('種類').selectOption({ label: 'お知らせ' });
  await page.getByLabel('タイトル').fill('デスクからのお知らせ');
  await page.getByLabel('日付').fill('2025-12-01');
  assert.deepEqual(await violations(page), []);
  await page.getByRole('button', { name: '作成' }).click();
  await page.waitForURL('**/_renkei/edit/content/news/*.md');
  const news = await context.newPage();
  for (let i = 0; i < 120; i += 1) {
    await news.goto(`${server.url}news/`);
    if (await news.getByText('デスクからのお知らせ').count() > 0) break;
    await news.waitForTimeout(500);
  }
  assert.equal(await news.getByText('デスクからのお知らせ').count() > 0, true);
  await news.close();
});

test('元に戻す restores the guide as it was', async () => {
  await page.goto(`${server.url}_renkei/history`);
  assert.deepEqual(await violations(page), []);
  const row = page.locator('tr', { hasText: guideFile }).first();
  await row.getByRole('button', { name: /元に戻す/ }).click();
  await page.getByRole('status').filter({ hasText: guideFile }).waitFor(wait);
  assert.equal(read(guideFile), original);
});

/** The newest demo snapshot with `extra` more adopted offices from offices.csv. */
const adoptionList = (extra) => {
  const snapshots = readdirSync(join(site, 'data', 'adoption')).sort();
  const newest = read(join('data', 'adoption', snapshots[snapshots.length - 1]));
  const adopted = new Set(newest.split('\n').slice(1).map((line) => line.split(',')[0]));
  const more = read('data/offices.csv').split('\n').slice(1)
    .map((line) => line.split(',')[0])
    .filter((number) => number && !adopted.has(number))
    .slice(0, extra)
    .map((number) => `${number},あり,`);
  return `${newest.trimEnd()}\n${more.join('\n')}\n`;
};

test('an adoption list shows its effect before 登録 writes it', async () => {
  const list = adoptionList(30);
  await page.goto(`${server.url}_renkei/data/`);
  assert.deepEqual(await violations(page), []);
  await page.getByLabel('種類').selectOption({ label: '導入状況' });
  await page.getByLabel('ファイル').setInputFiles({
    name: '2025-12-31.csv', mimeType: 'text/csv', buffer: Buffer.from(list),
  });
  await page.getByRole('button', { name: '確認する' }).click();
  await page.getByRole('heading', { name: '新しく導入済みになる事業所' }).waitFor(wait);
  const before = await page.locator('#site-before').textContent();
  const after = await page.locator('#site-after').textContent();
  assert.notEqual(before, after);
  assert.equal(parseInt(after, 10) - parseInt(before, 10), 30);
  assert.equal(existsSync(join(site, 'data/adoption/2025-12-31.csv')), false, 'checking writes nothing');
  assert.deepEqual(await violations(page), []);
  await page.getByRole('button', { name: '登録' }).click();
  await page.getByText('data/adoption/2025-12-31.csv を登録しました').waitFor(wait);
  assert.equal(read('data/adoption/2025-12-31.csv'), list);
  const home = await context.newPage();
  for (let i = 0; i < 120; i += 1) {
    await home.goto(server.url);
    if (await home.getByText('令和7年12月31日').count() > 0) break;
    await home.waitForTimeout(500);
  }
  assert.ok(await home.getByText('令和7年12月31日').count() > 0, 'the home page shows the new list');
  await home.close();
});

test('a list with an unknown office cannot be registered', async () => {
  await page.goto(`${server.url}_renkei/data/`);
  await page.getByLabel('種類').selectOption({ label: '導入状況' });
  await page.getByLabel('日付', { exact: true }).fill('2026-01-31');
  await page.getByLabel('ファイル').setInputFiles({
    name: 'list.csv', mimeType: 'text/csv', buffer: Buffer.from('事業所番号,連携実績,介護ソフト\n4499999999,あり,\n'),
  });
  await page.getByRole('button', { name: '確認する' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor(wait);
  assert.match(await alert.textContent(), /data\/adoption\/2026-01-31\.csv:2/);
  assert.equal(await page.getByRole('button', { name: '登録' }).count(), 0);
  await page.getByRole('button', { name: '取り消し' }).click();
  await page.getByText('取り消しました').waitFor(wait);
  assert.equal(existsSync(join(site, 'data/adoption/2026-01-31.csv')), false);
});

test('a FAQ file is edited question by question: added, moved, removed', async () => {
  const faqFile = 'content/faq/cost.md';
  const before = read(faqFile);
  const headings = (text) => [...text.matchAll(/^## (.*)$/gm)].map((m) => m[1]);
  const asked = headings(before);
  await page.goto(`${server.url}_renkei/edit/${faqFile}`);
  const box = page.getByRole('group', { name: '質問と回答' });
  await box.waitFor(wait);
  assert.equal(await page.getByLabel(/^質問 \d+$/).count(), asked.length);
  assert.equal(await page.getByLabel('質問 1', { exact: true }).inputValue(), asked[0]);
  await page.getByRole('button', { name: '質問を追加' }).click();
  const n = asked.length + 1;
  await page.getByLabel(`質問 ${n}`, { exact: true }).fill('デスクで足した質問ですか？');
  await page.getByLabel(`回答 ${n}`, { exact: true }).fill('はい、デスクで足しました。');
  await page.getByRole('button', { name: `上へ（質問 ${n}）` }).click();
  await page.getByRole('button', { name: 'この質問を削除（質問 1）' }).click();
  assert.match(await page.getByLabel('本文').inputValue(), /## デスクで足した質問ですか？\n\nはい、デスクで足しました。/);
  assert.deepEqual(await violations(page), []);
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('保存しました').waitFor(wait);
  const after = headings(read(faqFile));
  assert.deepEqual(after, [...asked.slice(1, -1), 'デスクで足した質問ですか？', asked[asked.length - 1]]);
});

test('the check and publish pages have no axe violation', async () => {
  for (const path of ['_renkei/check', '_renkei/publish']) {
    await page.goto(`${server.url}${path}`);
    assert.deepEqual(await violations(page), [], path);
  }
});

test('the Nu HTML Checker finds no error in the desk pages', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-desk-nu-'));
  const paths = ['_renkei/', `_renkei/edit/${guideFile}`, '_renkei/edit/content/faq/cost.md', '_renkei/new', '_renkei/history', '_renkei/data/', '_renkei/check', '_renkei/publish'];
  const files = [];
  for (const [i, path] of paths.entries()) {
    const response = await context.request.get(`${server.url}${path}`);
    assert.equal(response.status(), 200, path);
    const file = join(dir, `page-${i}.html`);
    writeFileSync(file, await response.text());
    files.push(file);
  }
  const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');
  const run = spawnSync('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  assert.equal(run.status, 0, run.stderr);
  const errors = JSON.parse(run.stderr || '{"messages":[]}').messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${paths[files.indexOf(new URL(m.url).pathname)]}:${m.lastLine ?? '?'}: ${m.message}`);
  rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(errors, []);
});

test('the desk fits a phone', async () => {
  const phone = await context.newPage();
  await phone.setViewportSize(viewports.phone);
  for (const path of [`_renkei/edit/${guideFile}`, '_renkei/edit/content/faq/cost.md', '_renkei/new', '_renkei/history', '_renkei/', '_renkei/data/', '_renkei/check', '_renkei/publish']) {
    await phone.goto(`${server.url}${path}`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    assert.equal(overflow, false, path);
  }
  await phone.close();
});
