// The long fuzz run: `npm run fuzz [-- generated mutated]` (defaults 100,000 each).
// Splits the cases over worker threads, one seed each, and prints how many
// ran and what failed (with the seed and counterexample to replay it).
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const props = new URL('../dist/test/fuzz/properties.js', import.meta.url);

if (isMainThread) {
  const [generated = 100_000, mutated = 100_000] = process.argv.slice(2).map(Number);
  const threads = Math.max(1, availableParallelism());
  const base = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const started = Date.now();
  const split = (n) => Array.from({ length: threads }, (_, i) => Math.floor(n / threads) + (i < n % threads ? 1 : 0));
  const g = split(generated);
  const m = split(mutated);
  const results = await Promise.all(
    Array.from({ length: threads }, (_, i) =>
      new Promise((resolve, reject) => {
        const w = new Worker(fileURLToPath(import.meta.url), { workerData: { generated: g[i], mutated: m[i], seed: base + i } });
        w.on('message', (msg) => (msg.progress ? process.stderr.write(`fuzz: worker ${i}: ${msg.progress}\n`) : resolve(msg)));
        w.on('error', reject);
      }),
    ),
  );
  const sum = (k) => results.reduce((s, r) => s + r[k], 0);
  const failures = results.flatMap((r) => r.failures);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`fuzz: ${sum('generatedRan')} generated cases (${failures.filter((f) => f.kind === 'generated').length} failed), ${sum('mutatedRan')} mutated cases (${failures.filter((f) => f.kind === 'mutated').length} failed) in ${secs} s on ${threads} threads; seeds ${base}..${base + threads - 1}`);
  for (const f of failures) console.log(`  ${f.kind} seed ${f.seed}: ${f.message}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} else {
  const fc = (await import('fast-check')).default;
  const { checkGenerated, checkMutated, fixtureFiles, generatedCase, mutate, mutation } = await import(props);
  const { generated, mutated, seed } = workerData;
  const failures = [];
  const run = async (kind, property, numRuns) => {
    if (numRuns === 0) return 0;
    const out = await fc.check(property, { numRuns, seed, endOnFailure: true });
    if (out.failed) failures.push({ kind, seed, message: String(out.errorInstance?.message ?? out.error).slice(0, 500) });
    return out.numRuns;
  };
  const generatedRan = await run('generated', fc.asyncProperty(generatedCase, async (c) => {
    const p = await checkGenerated(c);
    if (p) throw new Error(`${c.form}/${c.rendering}: ${p}`);
  }), generated);
  parentPort.postMessage({ progress: `${generatedRan} generated cases done` });
  const files = fixtureFiles(fileURLToPath(new URL('../fixtures/', import.meta.url))).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  const mutatedRan = await run('mutated', fc.asyncProperty(fc.nat(files.length - 1).chain((i) => fc.tuple(fc.constant(i), mutation(files[i].bytes.length))), async ([i, mm]) => {
    const p = await checkMutated(mutate(files[i].bytes, mm));
    if (p) throw new Error(`${files[i].f}: ${p}`);
  }), mutated);
  parentPort.postMessage({ generatedRan, mutatedRan, failures });
}
