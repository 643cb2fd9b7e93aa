// Helpers for driving `renkei serve` from the browser tests and the reload
// benchmark: a throwaway copy of the demo, and a server whose terminal lines
// are kept with the time they arrived.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { renkeiBin } from './lib.mjs';

/** The repository root: the demo site. */
export const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Copies the demo's inputs into a new temporary folder and returns it. */
export function copyDemo() {
  const dir = mkdtempSync(join(tmpdir(), 'renkei-serve-'));
  for (const name of ['site.toml', 'content', 'data']) {
    cpSync(join(repo, name), join(dir, name), { recursive: true });
  }
  return dir;
}

/**
 * Starts `renkei serve` on `root` (port 0 unless `args` names one) and
 * resolves once it prints its URL (the end of its first line in either
 * language). `stdout()` is what it printed so far (the desk's address
 * comes after the URL). `lines` holds every stderr line with the
 * `performance.now()` time it arrived.
 */
export function startServe(root, args = ['--port', '0']) {
  // Without a language of its own, as an editor's machine runs it: Japanese.
  const env = { ...process.env };
  for (const name of ['LANG', 'LC_ALL', 'LC_MESSAGES']) delete env[name];
  const child = spawn(renkeiBin, ['serve', '--root', root, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  const lines = [];
  const waiters = [];
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    const time = performance.now();
    pending += chunk;
    const parts = pending.split('\n');
    pending = parts.pop();
    for (const text of parts) {
      lines.push({ time, text });
      if (process.env.RENKEI_SERVE_LOG) process.stderr.write(`  serve: ${text}\n`);
    }
    for (const waiter of [...waiters]) waiter();
  });
  /** Resolves with the first line at or after index `from` that matches `pattern`. */
  const waitForLine = (pattern, from = 0, timeout = 30000) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      waiters.splice(waiters.indexOf(check), 1);
      reject(new Error(`no line matching ${pattern} in:\n${lines.map((l) => l.text).join('\n')}`));
    }, timeout);
    const check = () => {
      const line = lines.slice(from).find((l) => pattern.test(l.text));
      if (line) {
        clearTimeout(timer);
        waiters.splice(waiters.indexOf(check), 1);
        resolve(line);
      }
    };
    waiters.push(check);
    check();
  });
  const stop = () => new Promise((resolve) => {
    if (child.exitCode !== null) { resolve(child.exitCode); return; }
    child.once('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = out.match(/(http:\/\/\S+\/)$/m)?.[1];
      if (url) resolve({ url, child, lines, waitForLine, stop, stdout: () => out });
    });
    child.once('exit', (code) => reject(new Error(`renkei serve exited with ${code}:\n${lines.map((l) => l.text).join('\n')}`)));
  });
}
