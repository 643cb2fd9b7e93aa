// Every generated HTML file is valid HTML, and every stylesheet valid CSS: the
// Nu HTML Checker (vnu.jar, run with the machine's Java) reports no error over
// the whole built demo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { siteDir } from './lib.mjs';

const require = createRequire(import.meta.url);
const vnuJar = require.resolve('vnu-jar/build/dist/vnu.jar');

/** Every file under the folder whose name ends with `ext`. */
function filesEndingWith(dir, ext) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(ext))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}

/** The checker's errors over the files, one readable line each. */
function vnuErrors(args, files) {
  const run = spawnSync('java', ['-jar', vnuJar, ...args, '--errors-only', '--format', 'json', '--exit-zero-always', ...files], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  assert.equal(run.error, undefined, `cannot run java: ${run.error}`);
  assert.equal(run.status, 0, `vnu.jar failed:\n${run.stderr}`);
  const { messages } = JSON.parse(run.stderr || '{"messages":[]}');
  return messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => `${relative(siteDir, new URL(m.url).pathname)}:${m.lastLine ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.trim()}` : ''}`);
}

/**
 * Every HTML file but the office pages, of which every 100th and the two the
 * other tests look at: thousands of pages from one template, where checking
 * them all would only add minutes.
 */
function htmlFiles() {
  const office = /\/offices\/[0-9A-Z]{10}\/index\.html$/;
  const kept = new Set(['4400010024', '4400010016']);
  let n = 0;
  return filesEndingWith(siteDir, '.html').filter((file) => {
    if (!office.test(file)) return true;
    n += 1;
    return n % 100 === 1 || kept.has(file.split('/').at(-2));
  });
}

test('the Nu HTML Checker finds no error in any generated HTML file', () => {
  const files = htmlFiles();
  assert.ok(files.length > 20, `only ${files.length} HTML files in ${siteDir}`);
  const errors = vnuErrors([], files);
  assert.deepEqual(errors, [], `${errors.length} HTML errors:\n${errors.join('\n')}`);
});

test('the Nu HTML Checker finds no error in any stylesheet', () => {
  const files = filesEndingWith(siteDir, '.css');
  assert.ok(files.length >= 3, `only ${files.length} stylesheets in ${siteDir}`);
  const errors = vnuErrors(['--css'], files);
  assert.deepEqual(errors, [], `${errors.length} CSS errors:\n${errors.join('\n')}`);
});
