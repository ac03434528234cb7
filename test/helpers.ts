import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { useZlib } from '../src/index.js';

// The tests run in Node, as the command line does: native inflate for workbooks.
process.noDeprecation = true;
useZlib(zlib);

/** The repository root (tests run from dist/test). */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function fixture(...parts: string[]): string {
  return join(ROOT, 'fixtures', ...parts);
}

export function readFixture(...parts: string[]): Buffer {
  return readFileSync(fixture(...parts));
}

/** The values a generated return under fixtures/returns/ was filled with (`<name>.values.json`). */
export function returnValues(name: string): Record<string, number> {
  return JSON.parse(readFixture('returns', `${name}.values.json`).toString('utf8')) as Record<string, number>;
}

export function listDirs(...parts: string[]): string[] {
  const dir = fixture(...parts);
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];
}

/** Collects what the CLI writes. */
export function fakeIO(): { stdout: { write(s: string): boolean }; stderr: { write(s: string): boolean }; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    stdout: { write: (s: string) => ((out += s), true) },
    stderr: { write: (s: string) => ((err += s), true) },
    out: () => out,
    err: () => err,
  };
}

/** A seeded generator of whole numbers below `n` (a linear congruential one: the same run every time). */
export function seeded(seed: number): (n: number) => number {
  let s = seed;
  return (n) => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n;
}
