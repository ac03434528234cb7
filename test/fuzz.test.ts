// The quick pass of the fuzz properties (seeded, so CI is repeatable);
// `npm run fuzz` runs the long one.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { checkGenerated, checkMutated, fixtureFiles, generatedCase, mutate, mutation } from './fuzz/properties.js';
import { fixture } from './helpers.js';

const SEED = 20261123;

test('generated tables of every form, in every rendering, parse back to their values', async () => {
  await fc.assert(
    fc.asyncProperty(generatedCase, async (c) => {
      const problem = await checkGenerated(c);
      if (problem) throw new Error(`${c.form}/${c.rendering}${c.traditional ? '/traditional' : ''}${c.ruby ? '/ruby' : ''}: ${problem}`);
    }),
    { numRuns: 60, seed: SEED },
  );
});

test('mutated fixtures: only ParseError, bounded time, no unexplained value', async () => {
  const files = fixtureFiles(fixture()).map((f) => ({ f, bytes: new Uint8Array(readFileSync(f)) }));
  assert.ok(files.length > 30);
  await fc.assert(
    fc.asyncProperty(
      fc.nat(files.length - 1).chain((i) => fc.tuple(fc.constant(i), mutation((files[i] as { bytes: Uint8Array }).bytes.length))),
      async ([i, m]) => {
        const { f, bytes } = files[i] as { f: string; bytes: Uint8Array };
        const problem = await checkMutated(mutate(bytes, m));
        if (problem) throw new Error(`${f} ${JSON.stringify(m).slice(0, 200)}: ${problem}`);
      },
    ),
    { numRuns: 150, seed: SEED },
  );
});

test.run();
