// Development aid: time mutated fixture cases one by one and print the slow ones.
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkMutated, fixtureFiles, mutate, mutation } from '../../dist/test/fuzz/properties.js';
const files = fixtureFiles(fileURLToPath(new URL('../../fixtures/', import.meta.url))).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
const n = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? 1);
const samples = fc.sample(fc.nat(files.length - 1).chain((i) => fc.tuple(fc.constant(i), mutation(files[i].bytes.length))), { numRuns: n, seed });
const times = [];
const t0 = performance.now();
for (const [k, [i, m]] of samples.entries()) {
  if (process.env.TRACE) process.stderr.write(`case ${k}: ${files[i].f.replace(/.*fixtures\//, '')} ${JSON.stringify(m).slice(0, 160)}\n`);
  const t = performance.now();
  const p = await checkMutated(mutate(files[i].bytes, m));
  const ms = performance.now() - t;
  if (k % 1000 === 0 && globalThis.gc) globalThis.gc();
  if (k % 1000 === 0) process.stdout.write(`at ${k}: heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB\n`);
  times.push(ms);
  if (ms > 500 || p) console.log(`${ms.toFixed(0)} ms ${files[i].f.replace(/.*fixtures\//, '')} ${m.kind} ${p ?? ''}`);
}
times.sort((a, b) => a - b);
console.log(`${n} cases in ${((performance.now() - t0) / 1000).toFixed(1)} s; median ${times[n >> 1].toFixed(1)} ms, p99 ${times[Math.floor(n * 0.99)].toFixed(1)} ms, max ${times.at(-1).toFixed(0)} ms`);
