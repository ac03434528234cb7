// Forms 2019 and 2021: three tables, the applicant matrix, their identities.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, type ReportResult } from '../src/index.js';
import { readFixture } from './helpers.js';

const parse = (...p: string[]) => parseReport(readFixture('tables', ...p));
const html21 = parse('2021-html', 'input.html');
const pipe21 = parse('2021-pipe', 'input.txt');
const trad21 = parse('2021-traditional', 'input.html');
const html19 = parse('2019-html', 'input.html');

function table(r: ReportResult, name: string) {
  const t = r.tables.find((x) => x.table === name);
  assert.ok(t, `table ${name}`);
  return t!;
}
const value = (r: ReportResult, name: string, id: string) => table(r, name).indicators.find((i) => i.id === id)?.value;
const check = (r: ReportResult, name: string, rule: string) => table(r, name).checks.find((c) => c.rule === rule);

test('2021 page: three tables recognised as form 2021 from their headers', () => {
  assert.equal(
    html21.tables.map((t) => [t.form, t.table]),
    [
      ['2021', 'active'],
      ['2021', 'apply'],
      ['2021', 'appeals'],
    ],
  );
  assert.equal(
    html21.tables.map((t) => t.indicators.length),
    [10, 175, 15],
  );
});

test('2021 表二: block columns from each block header, units from the header', () => {
  assert.is(value(html21, 'active', 'active.normative_docs.in_force'), 25);
  assert.is(value(html21, 'active', 'active.licensing.decisions'), 1200, '"1,200" with a thousands separator, under a colspan-3 header');
  const fees = table(html21, 'active').indicators.find((i) => i.id === 'active.fees.amount');
  assert.equal([fees?.value, fees?.unit], [12.5, '万元']);
});

test('2021 表三: every printed cell under its id; leaves under their category', () => {
  assert.is(value(html21, 'apply', 'apply.new_received.total'), 39);
  assert.is(value(html21, 'apply', 'apply.new_received.legal_services'), 2);
  assert.is(value(html21, 'apply', 'apply.results.denied.third_party.natural_person'), 1);
  assert.is(value(html21, 'apply', 'apply.results.unable.no_info.other_org'), 1);
  assert.is(value(html21, 'apply', 'apply.results.other_handling.overdue_correction.natural_person'), 1);
  assert.is(value(html21, 'apply', 'apply.results.total.total'), 34);
  assert.is(value(html21, 'apply', 'apply.results.granted.total'), null, 'a blank total stays blank, not 0');
  const cell = table(html21, 'apply').indicators.find((i) => i.id === 'apply.results.denied.third_party.natural_person')?.cell;
  assert.equal(cell, { row: 10, col: 3, line: 48 });
});

test('2021 表三: the official identity fails in exactly the column where the numbers disagree', () => {
  const failed = table(html21, 'apply').checks.filter((c) => c.rule.startsWith('apply.balance.') && c.status === 'fail');
  assert.equal(
    failed.map((c) => [c.rule, c.strength, c.expected, c.actual]),
    [['apply.balance.legal_services', 'official', 4, 3]],
  );
  assert.equal(check(html21, 'apply', 'apply.balance.natural_person')?.status, 'pass');
  assert.equal(check(html21, 'apply', 'apply.balance.total')?.status, 'pass');
  const blank = check(html21, 'apply', 'apply.results.granted.total = sum(applicants)');
  assert.equal([blank?.status, blank?.expected, blank?.actual], ['fail', 15, 0]);
  assert.ok(table(html21, 'apply').diagnostics.some((d) => d.code === 'blank-total' && d.id === 'apply.results.granted.total'));
  assert.equal(check(html21, 'apply', 'apply.results.total.natural_person = sum(outcomes)')?.status, 'pass');
});

test('2021: derived subtotals are virtual, apart from printed cells', () => {
  const t = table(html21, 'apply');
  assert.not.ok(t.indicators.some((i) => i.id === 'apply.results.denied.total'));
  const denied = t.virtual.find((v) => v.id === 'apply.results.denied.total');
  assert.equal([denied?.value, denied?.from.length], [2, 8]);
  const lit = table(html21, 'appeals').virtual.find((v) => v.id === 'litigation.total');
  assert.equal(lit?.value, 1);
});

test('2021 表四: 15 cells under the two-level header', () => {
  const t = table(html21, 'appeals');
  assert.equal(
    t.indicators.map((i) => i.value),
    [1, 0, 0, 1, 2, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0],
  );
  assert.is(t.indicators[5]?.id, 'litigation.direct.maintained');
  assert.ok(t.checks.every((c) => c.status === 'pass'));
});

test('pipe text, HTML and traditional script give the same indicators and checks', () => {
  const ids = (r: ReportResult) => r.tables.map((t) => t.indicators.map((i) => `${i.id}=${i.value}`));
  const checks = (r: ReportResult) => r.tables.map((t) => t.checks.map((c) => `${c.rule}:${c.status}`));
  assert.equal(ids(pipe21), ids(html21));
  assert.equal(ids(trad21), ids(html21));
  assert.equal(checks(pipe21), checks(html21));
  assert.equal(checks(trad21), checks(html21));
});

test('2019 page: five 表二 blocks, the misaligned colspan read in order, signed changes, 元 → 万元', () => {
  assert.equal(
    html19.tables.map((t) => [t.form, t.table, t.indicators.length]),
    [
      ['2019', 'active', 22],
      ['2019', 'apply', 161],
      ['2019', 'appeals', 15],
    ],
  );
  assert.equal(
    ['prev_year_items', 'change', 'decisions'].map((c) => value(html19, 'active', `active.licensing.${c}`)),
    [0, 15, 1036],
  );
  assert.is(value(html19, 'active', 'active.other_services.change'), -8);
  assert.not.ok(
    table(html19, 'active').diagnostics.some((d) => d.code === 'value-negative'),
    '本年增/减 is signed',
  );
  assert.is(value(html19, 'active', 'active.normative_docs.new_published'), 5);
  assert.is(value(html19, 'active', 'active.procurement.amount'), 25.1);
  assert.ok(table(html19, 'active').diagnostics.some((d) => d.code === 'unit-converted' && d.id === 'active.procurement.amount'));
  assert.is(value(html19, 'apply', 'apply.results.other_handling.total'), 1, 'one （六） row in 2019');
  assert.equal(check(html19, 'apply', 'apply.balance.legal_services')?.status, 'fail');
});

test('a 2021 report keeping 2019 表二 columns: the tables keep their own forms, and the mix is reported', () => {
  const text = readFixture('tables', '2021-html', 'input.html')
    .toString('utf8')
    .replace('<td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td>', '<td>本年新制作数量</td><td>本年新公开数量</td><td>对外公开总数量</td>');
  const r = parseReport(text);
  assert.equal(
    r.tables.map((t) => t.form),
    ['2019', '2021', '2021'],
  );
  assert.is(value(r, 'active', 'active.normative_docs.total_published'), 25);
  assert.ok(r.diagnostics.some((d) => d.code === 'form-mixed'));
});

test('a table that fits both forms takes the form of the rest of the document', () => {
  // 表四 is identical in 2019 and 2021; 表三 of this page has the 2019 single （六） row.
  assert.is(table(html19, 'appeals').form, '2019');
  assert.not.ok(html19.diagnostics.some((d) => d.code === 'form-ambiguous'));
  const alone = parseReport(readFixture('tables', 'rw-030-wendeng-audit-2020-pdfflipbook-table4', 'input.txt'));
  assert.ok(alone.diagnostics.some((d) => d.code === 'form-ambiguous'));
});

test('published samples: values as printed', () => {
  const rw = (name: string) => parse(...[name, `input.${name.includes('pipe') && !name.includes('pipelines') && !name.includes('template') ? 'md' : 'txt'}`]);
  const flip = rw('rw-030-wendeng-audit-2020-pdfflipbook-table4');
  assert.equal(
    table(flip, 'appeals').indicators.map((i) => i.value),
    Array(15).fill(0),
  );
  const yl = rw('rw-028-yangling-stats-2023-slashes-blanks');
  assert.equal(
    ['made', 'repealed', 'in_force'].map((c) => value(yl, 'active', `active.rules.${c}`)),
    [null, null, null],
    '"/" is no value',
  );
  assert.equal(
    ['natural_person', 'total'].map((c) => value(yl, 'apply', `apply.new_received.${c}`)),
    [null, 0],
    'blank cells with only 总计 filled',
  );
  const xw = rw('rw-027-xuwen-bureau-2021form-blankcells-pipe');
  assert.equal(
    ['natural_person', 'commercial', 'total'].map((c) => value(xw, 'apply', `apply.new_received.${c}`)),
    [0, null, 0],
  );
  assert.is(value(xw, 'active', 'active.normative_docs.in_force'), 101);
  const ak = rw('rw-021-ankang-bureau-2019-pipelines');
  assert.is(value(ak, 'active', 'active.procurement.amount'), 160.5964);
  const ct = rw('rw-026-cq-changshou-yuntai-2020-pipe');
  assert.is(value(ct, 'active', 'active.procurement.amount'), 11.876);
  assert.ok(table(ct, 'active').diagnostics.some((d) => d.code === 'unit-assumed'));
  const nk = rw('rw-016-xj-nilka-town-2023-pipelines');
  assert.is(value(nk, 'active', 'active.rules.in_force'), 6);
  const labelsOnly = rw('rw-015-jiaxian-xizhen-2022-labelsonly');
  assert.equal(
    labelsOnly.tables.map((t) => t.indicators.filter((i) => i.value !== null).length),
    [0, 0],
    'a blank form yields no zeros',
  );
  const fy = rw('rw-035-fuyang-nrb-2014indicator-template-pipe');
  assert.not.ok(
    fy.tables.some((t) => t.indicators.some((i) => i.value !== null)),
    'the 序号 column is never read as values',
  );
});

test.run();
