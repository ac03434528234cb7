// The long fuzz run: `npm run fuzz [-- generated mutated metamorphic]` (defaults 100,000 each).
// Splits the cases over worker threads, one seed each, and prints how many
// ran and what failed (with the seed and counterexample to replay it).
import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const props = new URL('../dist/test/fuzz/properties.js', import.meta.url);
const meta = new URL('../dist/test/fuzz/metamorphic.js', import.meta.url);
const metaFiles = new URL('../dist/test/fuzz/metamorphic-files.js', import.meta.url);
const KINDS = ['generated', 'mutated', 'metamorphic'];

if (isMainThread) {
  const [generated = 100_000, mutated = 100_000, metamorphic = 100_000] = process.argv.slice(2).map(Number);
  const threads = Math.max(1, availableParallelism());
  const base = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
  const started = Date.now();
  const split = (n) => Array.from({ length: threads }, (_, i) => Math.floor(n / threads) + (i < n % threads ? 1 : 0));
  const g = split(generated);
  const m = split(mutated);
  const mm = split(metamorphic);
  // A case that never returns (a loop in a dependency) or runs out of memory
  // must be reported, not wait forever: each worker says which case it is
  // on, and one silent for HANG_MS is ended and its case reported.
  const HANG_MS = Number(process.env.FUZZ_HANG_MS ?? 60_000);
  const results = await Promise.all(
    Array.from(
      { length: threads },
      (_, i) =>
        new Promise((resolve) => {
          const w = new Worker(fileURLToPath(import.meta.url), {
            workerData: { generated: g[i], mutated: m[i], metamorphic: mm[i], seed: base + i },
            resourceLimits: { maxOldGenerationSizeMb: 2048 },
          });
          let current = 'starting';
          let since = Date.now();
          const counts = { generated: 0, mutated: 0, metamorphic: 0 };
          const stop = (message) => {
            clearInterval(watch);
            void w.terminate();
            resolve({
              generatedRan: counts.generated,
              mutatedRan: counts.mutated,
              metamorphicRan: counts.metamorphic,
              failures: [{ kind: current.split(' ')[0], seed: base + i, message: `${message}: ${current}` }],
            });
          };
          const watch = setInterval(() => Date.now() - since > HANG_MS && stop(`no answer in ${HANG_MS / 1000} s`), 1000);
          w.on('message', (msg) => {
            if (msg.case) {
              current = msg.case;
              since = Date.now();
              counts[msg.kind] += 1;
            } else if (msg.progress) process.stderr.write(`fuzz: worker ${i}: ${msg.progress}\n`);
            else {
              clearInterval(watch);
              resolve(msg);
            }
          });
          w.on('error', (e) => stop(`worker failed (${e.code ?? e.message})`));
        }),
    ),
  );
  const sum = (k) => results.reduce((s, r) => s + r[k], 0);
  const failures = results.flatMap((r) => r.failures);
  const secs = ((Date.now() - started) / 1000).toFixed(0);
  const ran = KINDS.map((k) => `${sum(`${k}Ran`)} ${k} cases (${failures.filter((f) => f.kind === k).length} failed)`).join(', ');
  console.log(`fuzz: ${ran} in ${secs} s on ${threads} threads; seeds ${base}..${base + threads - 1}`);
  for (const f of failures) console.log(`  ${f.kind} seed ${f.seed}: ${f.message}`);
  process.exitCode = failures.length > 0 ? 1 : 0;
} else {
  const fc = (await import('fast-check')).default;
  // The package's entry point hands the core every library (the property modules import stages directly).
  await import(new URL('../dist/src/index.js', import.meta.url));
  const { checkGenerated, checkMutated, fixtureFiles, generatedCase, mutate, mutation } = await import(props);
  const { generated, mutated, metamorphic, seed } = workerData;
  const failures = [];
  const run = async (kind, property, numRuns) => {
    if (numRuns === 0) return 0;
    const out = await fc.check(property, { numRuns, seed, endOnFailure: true });
    if (out.failed) failures.push({ kind, seed, message: String(out.errorInstance?.message ?? out.error).slice(0, 500) });
    return out.numRuns;
  };
  const generatedRan = await run(
    'generated',
    fc.asyncProperty(generatedCase, async (c) => {
      parentPort.postMessage({ kind: 'generated', case: `generated ${c.form}/${c.rendering}` });
      const p = await checkGenerated(c);
      if (p) throw new Error(`${c.form}/${c.rendering}: ${p}`);
    }),
    generated,
  );
  parentPort.postMessage({ progress: `${generatedRan} generated cases done` });
  const files = fixtureFiles(fileURLToPath(new URL('../fixtures/', import.meta.url))).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  const mutatedRan = await run(
    'mutated',
    fc.asyncProperty(
      fc.nat(files.length - 1).chain((i) => fc.tuple(fc.constant(i), mutation(files[i].bytes.length))),
      async ([i, mm]) => {
        parentPort.postMessage({ kind: 'mutated', case: `mutated ${files[i].f.replace(/.*fixtures\//, 'fixtures/')} ${JSON.stringify(mm)}` });
        const p = await checkMutated(mutate(files[i].bytes, mm));
        if (p) throw new Error(`${files[i].f}: ${p}`);
      },
    ),
    mutated,
  );
  parentPort.postMessage({ progress: `${mutatedRan} mutated cases done` });
  const { bump, sources } = await import(meta);
  const { bookSources, bumpBook, pdfSources, pdfNumbers, bumpPdf } = await import(metaFiles);
  const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
  // Every printed number of every text, HTML, workbook and PDF fixture with known values, as one list of changes.
  const targets = [
    ...sources(root).map((s) => ({ name: s.file, count: s.numbers.length, bump: (n, by) => bump(s, n, by) })),
    ...bookSources(root).map((s) => ({ name: s.file, count: s.numbers.length, bump: (n, by) => bumpBook(s, n, by) })),
    ...(await pdfSources(root)).map((s) => {
      const at = pdfNumbers(s);
      return { name: s.file, count: at.length, bump: (n, by) => bumpPdf(s, at[n], by) };
    }),
  ];
  // Any number of any of them, raised by 1 to 999.
  const metamorphicRan = await run(
    'metamorphic',
    fc.property(
      fc.nat(targets.length - 1).chain((i) => fc.tuple(fc.constant(i), fc.nat(targets[i].count - 1), fc.integer({ min: 1, max: 999 }))),
      ([i, n, by]) => {
        parentPort.postMessage({ kind: 'metamorphic', case: `metamorphic ${targets[i].name.replace(/.*fixtures\//, 'fixtures/')} number ${n} +${by}` });
        const r = targets[i].bump(n, by);
        if ('problem' in r) throw new Error(`${targets[i].name}: ${r.problem}`);
      },
    ),
    metamorphic,
  );
  parentPort.postMessage({ generatedRan, mutatedRan, metamorphicRan, failures });
}
