// Text whose cells ran together: runs of digits cut by the form's sums, only
// where exactly one cut is left; never a guess.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, type ReportResult } from '../src/index.js';
import { fixture } from './helpers.js';

test('a real flattened page (平潭 2016, fj2013): every cut is the only one the form allows; the rest say why not', () => {
  const doc = parseReport(readFileSync(fixture('tables', 'rw-002-pingtan-2016-oldform-flattened', 'input.txt')));
  assert.equal(
    doc.tables.map((t) => [t.variant, t.column.label, t.column.kind]),
    [
      ['fj2013', '2016年度', 'year'],
      ['fj2013', '历年累计', 'cumulative'],
    ],
  );
  const [year] = doc.tables as [ReportResult['tables'][number]];
  const split = year.diagnostics.filter((d) => d.code === 'glued-split');
  const ambiguous = year.diagnostics.filter((d) => d.code === 'glued-ambiguous');
  assert.is(split.length, 14);
  assert.equal(
    ambiguous.map((d) => d.id),
    ['active.total', 'active.channels.website'],
  );
  assert.equal(ambiguous[0]?.actual, ['34 | 6085376', '3460 | 85376']);
  // Nothing is read for the ambiguous rows; the zeros are read in both columns.
  assert.not.ok(doc.tables.some((t) => t.indicators.some((i) => i.id === 'active.total')));
  assert.ok(doc.tables.every((t) => t.indicators.every((i) => i.value === 0)));
  // 28 of 32 cells cut uniquely.
  console.log(`  平潭 2016: ${split.length * 2} of ${(split.length + ambiguous.length) * 2} cells cut uniquely, none wrong`);
});

test('glued rows of table 三 (2021): 230 000023 → 23 0 0 0 0 0 23; several numbers in one cell; a run too long for one count', () => {
  const pipe = readFileSync(fixture('tables', '2021-pipe', 'input.txt'), 'utf8');
  for (const run of ['230 000023', '230000023', '23 0 0 0 0 0 23']) {
    const doc = parseReport(pipe.replace(/\| 一、本年新收政府信息公开申请数量 [^\n]*/, `| 一、本年新收政府信息公开申请数量 |  |  | ${run} |`));
    const apply = doc.tables.find((t) => t.table === 'apply') as ReportResult['tables'][number];
    const got = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_services', 'other_org', 'total'].map(
      (c) => apply.indicators.find((i) => i.id === `apply.new_received.${c}`)?.value,
    );
    assert.equal(got, [23, 0, 0, 0, 0, 0, 23], run);
  }
  const doc = parseReport(pipe.replace(/\| 一、本年新收政府信息公开申请数量 [^\n]*/, '| 一、本年新收政府信息公开申请数量 |  |  | 1111 |'));
  const apply = doc.tables.find((t) => t.table === 'apply') as ReportResult['tables'][number];
  assert.ok(
    apply.diagnostics.some((d) => d.code === 'glued-ambiguous' || d.id?.startsWith('apply.new_received')),
    'an undecidable run says so',
  );
});

/** Table 三 of the 2021 form with consistent sums: leaves drawn small (mostly 0), totals computed. */
const COLS = ['natural_person', 'commercial', 'research', 'public_welfare', 'legal_services', 'other_org'];
const small = fc.oneof({ weight: 6, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 1, max: 9 }) }, { weight: 1, arbitrary: fc.integer({ min: 10, max: 60 }) });

test('generated glued tables: every value read equals the one printed (property), and the share cut uniquely', () => {
  const pipe = readFileSync(fixture('tables', '2021-pipe', 'input.txt'), 'utf8');
  const base = parseReport(pipe).tables.find((t) => t.table === 'apply') as ReportResult['tables'][number];
  // The line of each row, and the row ids printed on it.
  const rowsByLine = new Map<number, string>();
  for (const i of base.indicators) if (i.cell.line !== undefined) rowsByLine.set(i.cell.line, i.id.slice(0, i.id.lastIndexOf('.')));
  const leaves = [...new Set(rowsByLine.values())].filter((r) => !/new_received|carried_over$|carried_forward|results\.total/.test(r));
  let cells = 0;
  let read = 0;
  fc.assert(
    fc.property(
      fc.array(fc.array(small, { minLength: 6, maxLength: 6 }), { minLength: leaves.length, maxLength: leaves.length }),
      fc.array(small, { minLength: 6, maxLength: 6 }),
      fc.array(small, { minLength: 6, maxLength: 6 }),
      (grid, carried, forward) => {
        const value = new Map<string, number[]>();
        leaves.forEach((r, i) => value.set(r, grid[i] as number[]));
        const results = COLS.map((_, c) => leaves.reduce((s, r) => s + ((value.get(r) as number[])[c] as number), 0));
        value.set('apply.results.total', results);
        value.set(
          'apply.carried_over',
          COLS.map((_, c) => Math.min(carried[c] as number, (results[c] as number) + (forward[c] as number))),
        );
        value.set('apply.carried_forward', forward);
        value.set(
          'apply.new_received',
          COLS.map((_, c) => (results[c] as number) + (forward[c] as number) - ((value.get('apply.carried_over') as number[])[c] as number)),
        );
        const row7 = (r: string): number[] => {
          const v = value.get(r) as number[];
          return [...v, v.reduce((s, x) => s + x, 0)];
        };
        const text = pipe
          .split('\n')
          .map((l, i) => {
            const r = rowsByLine.get(i + 1);
            if (!r || !value.has(r) || !l.startsWith('|')) return l;
            const cellsOf = l.split('|');
            const labels = cellsOf.slice(0, cellsOf.length - 8).join('|');
            return `${labels}| ${row7(r).join('')} |`;
          })
          .join('\n');
        const apply = parseReport(text).tables.find((t) => t.table === 'apply');
        if (!apply) throw new Error(`no table 三 in:\n${text.split('\n').slice(24, 34).join('\n')}`);
        for (const [r, _] of value) {
          const v = row7(r);
          [...COLS, 'total'].forEach((c, i) => {
            cells++;
            const got = apply.indicators.find((x) => x.id === `${r}.${c}`);
            if (got && got.value !== null) {
              read++;
              if (got.value !== v[i]) throw new Error(`${r}.${c}: read ${got.value}, printed ${v[i]}`);
            }
          });
        }
        return true;
      },
    ),
    { numRuns: 60, seed: 20261202 },
  );
  console.log(`  generated glued tables: ${read} of ${cells} cells cut uniquely (${((100 * read) / cells).toFixed(1)}%), 0 wrong`);
  assert.ok(read > 0);
});

test.run();
