// Provincial and local copies of the pre-2019 table, each added as data only
// (templates/variants/*.json): told apart by the rows only they print, read
// with their own sums, and their two value columns (the year, and a running
// total) kept apart by kind.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { loadCatalogue, parseReport, type ReportResult } from '../src/index.js';
import { fixture, ROOT } from './helpers.js';

const read = (name: string): ReportResult => parseReport(readFileSync(fixture('tables', `variant-${name}`, 'input.txt')));
const value = (t: ReportResult['tables'][number], id: string): number | null | undefined => t.indicators.find((i) => i.id === id)?.value;
const check = (t: ReportResult['tables'][number], rule: string): string | undefined => {
  const c = t.checks.find((x) => x.rule === rule);
  return c ? `${c.status} ${c.expected} ${c.actual}` : undefined;
};

test('sh2007 (Shanghai lineage): 本期实际 and 本年累计 apart, six channels, its own 否决公开 hierarchy', () => {
  const doc = read('sh2007');
  assert.equal(
    doc.tables.map((t) => [t.variant, t.column.label, t.column.kind]),
    [
      ['sh2007', '本期实际', 'year'],
      ['sh2007', '本年累计', 'cumulative'],
    ],
  );
  const [year, total] = doc.tables as [ReportResult['tables'][number], ReportResult['tables'][number]];
  assert.is(value(year, 'apply.received.email'), 4);
  assert.is(value(total, 'apply.received.email'), 10);
  assert.is(value(year, 'legacy.rejected.not_exist'), 2);
  // The six-channel sum of the variant is checked, the national four-channel one is not.
  assert.is(check(year, 'apply.received = sum [sh2007]'), 'pass 21 21');
  assert.is(check(year, 'apply.received = sum'), undefined);
  assert.is(check(total, 'apply.replies.rejected_sh = sum [sh2007]'), 'fail 17 18');
  // 复制费（纸张） is not printed: （光盘） and （软盘） keep their own ids, nothing is read as 纸张.
  assert.is(value(year, 'legacy.fees.active.copy_cd'), 3);
  assert.is(value(year, 'legacy.fees.active.copy_floppy'), 2);
  assert.is(value(year, 'legacy.fees.active.copy_paper'), undefined);
  assert.is(value(year, 'legacy.fees.on_request.copy_paper'), 5);
  // The column-code row (甲 | 乙 | 丙 | 1 | 2) is part of the header, not an unknown row.
  assert.not.ok(year.diagnostics.some((d) => d.code === 'unknown-row'));
  assert.not.ok(
    year.diagnostics.some((d) => d.code === 'unit-mismatch'),
    "applications in 条 are this variant's unit",
  );
});

test('ah2014 (Anhui extension): the national table with its extra rows, national sums kept', () => {
  const [t] = read('ah2014').tables as [ReportResult['tables'][number]];
  assert.is(t.variant, 'ah2014');
  assert.is(value(t, 'active.ah.gov_documents'), 9);
  assert.is(value(t, 'active.ah.emergency'), 1);
  assert.is(value(t, 'active.total'), 24);
  assert.is(check(t, 'response.channels = sum'), 'fail 4 0');
});

test('fj2009 (莆田 2009): 2009年度 and 历年累计, six channels, 否决公开答复总数', () => {
  const doc = read('fj2009');
  assert.equal(
    doc.tables.map((t) => [t.variant, t.column.label, t.column.kind]),
    [
      ['fj2009', '2009年度', 'year'],
      ['fj2009', '历年累计', 'cumulative'],
    ],
  );
  const [year, total] = doc.tables as [ReportResult['tables'][number], ReportResult['tables'][number]];
  assert.is(value(year, 'active.channels.website'), 80);
  assert.is(value(year, 'apply.replies.rejected_sh'), 2);
  assert.is(check(year, 'apply.received = sum [fj2009]'), 'pass 12 12');
  assert.is(check(total, 'apply.replies = sum [fj2009]'), 'fail 28 29');
  assert.is(value(year, 'legacy.appeals'), 1);
});

test('fj2013 (Fujian county copies 2013–2018): 信函、传真 as one channel, four reply types, 收费减免金额', () => {
  const doc = read('fj2013');
  const [year, total] = doc.tables as [ReportResult['tables'][number], ReportResult['tables'][number]];
  assert.equal([year.variant, year.column.kind, total.column.kind], ['fj2013', 'year', 'cumulative']);
  assert.is(value(year, 'active.total'), 310);
  assert.is(value(year, 'apply.received.letter'), 2);
  assert.is(value(year, 'apply.replies.fj.other_types'), 3);
  assert.is(value(total, 'fees.fj.waived'), 35);
  assert.is(value(year, 'complaints.fj.litigation_and_reports'), 0);
  assert.is(check(year, 'apply.received = sum [fj2013]'), 'pass 15 15');
  assert.is(check(year, 'active.channels.website + active.channels.gazette <= active.total [fj2013]'), 'pass 310 310');
  assert.is(check(year, 'active.total <= sum(active.channels.*)'), undefined);
  assert.not.ok(year.diagnostics.some((d) => d.code === 'unit-mismatch'));
});

test('a new variant is a data file: loaded, told apart and checked with no code', () => {
  const t = (name: string): unknown => JSON.parse(readFileSync(`${ROOT}/templates/${name}`, 'utf8'));
  const variant = {
    variant: 'xx2015',
    form: '2014',
    table: 'stats',
    name: 'a made-up county copy',
    detect: { ids: ['apply.xx.walk_in'], header: [] },
    indicators: [{ id: 'apply.xx.walk_in', label: '来访申请数', aliases: [], unit: '件', parent: 'apply.received' }],
    identities: [{ rule: 'apply.received = sum [xx2015]', relation: '=', left: ['apply.received'], right: ['apply.xx.walk_in', 'apply.received.online'], strength: 'usual' }],
    except: ['apply.received = sum'],
  };
  const catalogue = loadCatalogue({
    templates: [t('form-2014.json')],
    variants: [variant],
    units: t('units.json'),
    vocabulary: t('vocabulary.json'),
    listHeader: t('list-header.json'),
    prose: t('prose.json'),
  });
  const text =
    '| 统计指标 | 单位 | 统计数 |\n| 一、主动公开情况 | | |\n| （一）主动公开政府信息数 | 条 | 5 |\n| 三、依申请公开情况 | | |\n| （一）收到申请数 | 件 | 7 |\n| 来访申请数 | 件 | 3 |\n| 3.网络申请数 | 件 | 4 |\n';
  const [table] = parseReport(text, { catalogue }).tables as [ReportResult['tables'][number]];
  assert.is(table.variant, 'xx2015');
  assert.is(check(table, 'apply.received = sum [xx2015]'), 'pass 7 7');
  assert.is(check(table, 'apply.received = sum'), undefined);
  // The national form read with the same catalogue keeps its own sum.
  const [national] = parseReport(text.replace('| 来访申请数 | 件 | 3 |\n', '| 1.当面申请数 | 件 | 3 |\n| 2.传真申请数 | 件 | 0 |\n| 4.信函申请数 | 件 | 0 |\n'), { catalogue }).tables as [
    ReportResult['tables'][number],
  ];
  assert.is(national.variant, null);
  assert.is(check(national, 'apply.received = sum'), 'pass 7 7');
});

test.run();
