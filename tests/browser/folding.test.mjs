// The browser's folding (themes/default/static/js/search.js) against the case
// table the Rust fold (src/fold.rs) is tested with: one table,
// two implementations, no drift. Runs in node, no browser needed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cases = JSON.parse(readFileSync(join(root, 'tests/fixtures/folding-cases.json'), 'utf8'));
const context = vm.createContext({});
vm.runInContext(readFileSync(join(root, 'themes/default/static/js/search.js'), 'utf8'), context);
const { fold, terms, numberText } = context.renkeiSearch;

test('folds every shared case like the Rust fold', () => {
  for (const c of cases.fold) assert.equal(fold(c.in), c.out, `${c.in}: ${c.why}`);
});

test('folding twice changes nothing', () => {
  for (const c of cases.fold) assert.equal(fold(c.out), c.out, c.in);
});

test('splits every shared query into the same words', () => {
  for (const c of cases.terms) assert.deepEqual([...terms(c.query)], c.terms, `query ${JSON.stringify(c.query)}`);
});

test('matches every shared pair', () => {
  for (const c of cases.match) {
    const text = fold(c.text);
    assert.equal(terms(c.query).every((t) => text.includes(t)), c.match, `${c.query} in ${c.text}`);
  }
});

/** The index's value of an office number, as src/render/search/mod.rs computes it. */
function valueOf(number) {
  return [...number].reduce((v, c, i) => v * (i === 2 ? 36 : 10) + parseInt(c, 36), 0);
}

test('office numbers decode from their index values', () => {
  for (const number of ['4410010030', '0000000012', '00A0000000', '44A0100110', '44Z9999999']) {
    assert.equal(numberText(valueOf(number)), number);
  }
});
