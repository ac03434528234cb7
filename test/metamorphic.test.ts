// "No silent wrong value", as a metamorphic property over every text and HTML fixture
// with an expected output: every printed number of every such fixture raised by one,
// one at a time (test/fuzz/metamorphic.ts says what may happen). `npm run fuzz` repeats it
// over random numbers without end of budget.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bump, followsLabels, headerSwaps, sources } from './fuzz/metamorphic.js';
import { fixture } from './helpers.js';

test('raising any printed number by one changes that value, changes nothing, or is flagged', () => {
  const all = sources(fixture());
  assert.ok(all.length >= 20, `${all.length} fixtures`);
  const counts = { unchanged: 0, followed: 0, flagged: 0 };
  const problems: string[] = [];
  for (const s of all) {
    for (let n = 0; n < s.numbers.length; n++) {
      const r = bump(s, n);
      if ('problem' in r) problems.push(`${s.file}: ${r.problem}`);
      else counts[r.outcome]++;
    }
  }
  const cases = counts.unchanged + counts.followed + counts.flagged + problems.length;
  assert.ok(cases > 2000, `${cases} cases`);
  assert.ok(counts.followed > cases / 3, `${counts.followed} of ${cases} followed`);
  assert.equal(problems.slice(0, 10), [], `${problems.length} silent wrong values of ${cases} cases`);
});

test('two column labels swapped (not their numbers): the values follow the labels, or it is flagged', () => {
  const counts = { followed: 0, flagged: 0 };
  const problems: string[] = [];
  for (const s of sources(fixture())) {
    for (const swap of headerSwaps(s)) {
      const r = followsLabels(s, swap);
      if ('problem' in r) problems.push(`${s.file}: ${r.problem}`);
      else counts[r.outcome]++;
    }
  }
  const cases = counts.followed + counts.flagged + problems.length;
  assert.ok(cases >= 30, `${cases} cases`);
  assert.ok(counts.followed > cases / 2, `${counts.followed} of ${cases} followed`);
  assert.equal(problems.slice(0, 10), [], `${problems.length} silent wrong values of ${cases} cases`);
});

test.run();
