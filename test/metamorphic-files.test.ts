// "No silent wrong value" for workbooks and PDFs (test/fuzz/metamorphic-files.ts):
// every numeric cell of every filled workbook return (.xlsx, .xls, .ods of the
// three forms) and every run of digits in every PDF fixture's text, raised by
// one; and every pair of applicant column labels printed once, swapped.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { bookSources, bumpBook, bumpPdf, pdfNumbers, pdfSources, swapBook, swapPdf } from './fuzz/metamorphic-files.js';
import type { Outcome } from './fuzz/metamorphic.js';
import { fixture } from './helpers.js';

function tally<O extends string>(results: { where: string; r: Outcome<O> }[]): { counts: Record<string, number>; problems: string[] } {
  const counts: Record<string, number> = {};
  const problems: string[] = [];
  for (const { where, r } of results) {
    if ('problem' in r) problems.push(`${where}: ${r.problem}`);
    else counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
  }
  return { counts, problems };
}

test('workbooks: each numeric cell raised by one changes exactly its value or is flagged; swapped column labels take their values along', () => {
  const books = bookSources(fixture());
  assert.ok(books.length >= 9, `${books.length} workbooks`);
  const bumps = tally(books.flatMap((b) => b.numbers.map((_, n) => ({ where: b.file, r: bumpBook(b, n) }))));
  const cases = Object.values(bumps.counts).reduce((a, b) => a + b, 0) + bumps.problems.length;
  assert.ok(cases >= 1300, `${cases} cases`);
  assert.ok((bumps.counts.followed ?? 0) > cases * 0.9, JSON.stringify(bumps.counts));
  assert.equal(bumps.problems.slice(0, 10), [], `${bumps.problems.length} silent wrong values of ${cases}`);
  const swaps = tally(books.flatMap((b) => swapBook(b).map((s) => ({ where: `${b.file} ${s.a}/${s.b}`, r: s.outcome }))));
  const swapCases = Object.values(swaps.counts).reduce((a, b) => a + b, 0) + swaps.problems.length;
  assert.ok(swapCases >= 18, `${swapCases} swaps`);
  assert.equal(swaps.problems, []);
});

test('PDFs: each number of the text raised by one changes exactly its value, nothing, or is flagged; swapped labels take their values along', async () => {
  const pdfs = await pdfSources(fixture());
  assert.ok(pdfs.length >= 8, `${pdfs.length} PDFs`);
  const bumps = tally(pdfs.flatMap((p) => pdfNumbers(p).map((at) => ({ where: p.file, r: bumpPdf(p, at) }))));
  const cases = Object.values(bumps.counts).reduce((a, b) => a + b, 0) + bumps.problems.length;
  assert.ok(cases >= 1800, `${cases} cases`);
  assert.ok((bumps.counts.followed ?? 0) > cases / 2, JSON.stringify(bumps.counts));
  assert.equal(bumps.problems.slice(0, 10), [], `${bumps.problems.length} silent wrong values of ${cases}`);
  const swaps = tally(pdfs.flatMap((p) => swapPdf(p).map((s) => ({ where: `${p.file} ${s.a}/${s.b}`, r: s.outcome }))));
  const swapCases = Object.values(swaps.counts).reduce((a, b) => a + b, 0) + swaps.problems.length;
  assert.ok(swapCases >= 10, `${swapCases} swaps`);
  assert.equal(swaps.problems, []);
});

test.run();
