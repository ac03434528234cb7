// Seed 003 (薛家岛街道 2017): the values the issue names, asserted one by one,
// and the HTML rendering of the same table giving the same indicators.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, type ReportResult } from '../src/index.js';
import { readFixture } from './helpers.js';

const pipe = parseReport(readFixture('tables', 'seed003-2014-pipe', 'input.txt'), { source: 'seed003' });
const html = parseReport(readFixture('tables', '2014-html-gb2312', 'input.html'), { source: 'html' });

function ind(r: ReportResult, id: string) {
  const found = r.tables[0]?.indicators.find((i) => i.id === id);
  assert.ok(found, `${id} present`);
  return found!;
}
function check(r: ReportResult, rule: string) {
  const found = r.tables[0]?.checks.find((c) => c.rule === rule);
  assert.ok(found, `${rule} present`);
  return found!;
}

test('seed 003: one 2014-form table', () => {
  assert.is(pipe.tables.length, 1);
  assert.is(pipe.tables[0]?.form, '2014');
  assert.is(pipe.tables[0]?.table, 'stats');
  assert.is(pipe.input.encoding, 'utf-8');
});

test('seed 003: every indicator row, with id, value and unit', () => {
  const t = pipe.tables[0]!;
  assert.is(t.indicators.length, 60);
  assert.equal([ind(pipe, 'active.total').value, ind(pipe, 'active.total').unit, ind(pipe, 'active.total').raw], [24, '条', '24条']);
  assert.equal([ind(pipe, 'active.channels.wechat').value, ind(pipe, 'active.channels.wechat').unit], [262, '条']);
  assert.equal([ind(pipe, 'active.channels.website').value], [155]);
  assert.equal([ind(pipe, 'org.staff').value, ind(pipe, 'org.staff').unit, ind(pipe, 'org.staff').raw], [8, '人', '8个']);
  assert.equal([ind(pipe, 'org.budget').value, ind(pipe, 'org.budget').unit], [9, '万元']);
  assert.equal([ind(pipe, 'training.trainees').value, ind(pipe, 'training.trainees').unit], [32, '人次']);
  assert.is(ind(pipe, 'response.hotspots').value, 4);
  assert.is(ind(pipe, 'response.channels.other').value, 4);
  assert.is(ind(pipe, 'active.channels').value, null, 'a header row with blank cells is null, not 0');
  // context: the same label under 四 and 五 maps to different ids
  assert.equal(ind(pipe, 'review.corrected').cell.line, 70);
  assert.equal(ind(pipe, 'litigation.corrected').cell.line, 74);
  // provenance: line and grid cell of the value (the unit column)
  assert.equal(ind(pipe, 'active.total').cell, { row: 5, col: 1, line: 25 });
});

test('seed 003: unit mismatches are diagnostics with the cells', () => {
  const mism = pipe.tables[0]!.diagnostics.filter((d) => d.code === 'unit-mismatch');
  assert.equal(
    mism.map((d) => [d.id, d.expected, d.actual]),
    [
      ['org.staff', '人', '个'],
      ['org.staff.full_time', '人', '个'],
      ['org.staff.part_time', '人', '个'],
      ['training.trainees', '人次', '人'],
    ],
  );
  assert.equal(mism[0]?.cell, { row: 61, col: 1, line: 81 });
  // 件 for 主动公开规范性文件数 is an accepted spelling (FORMS.md §2.1)
  assert.not.ok(pipe.tables[0]!.diagnostics.some((d) => d.id === 'active.normative_docs'));
});

test('seed 003: response.channels fails (0 printed, items sum to 4); org.staff passes', () => {
  const rc = check(pipe, 'response.channels = sum');
  assert.equal([rc.status, rc.expected, rc.actual], ['fail', 4, 0]);
  assert.equal(rc.ids, [
    'response.channels',
    'response.channels.press_conferences',
    'response.channels.online_interviews',
    'response.channels.interpretation_articles',
    'response.channels.weibo_wechat',
    'response.channels.other',
  ]);
  assert.equal(rc.cells[0], { id: 'response.channels', row: 16, col: 1, line: 36 });
  const staff = check(pipe, 'org.staff = sum');
  assert.equal([staff.status, staff.expected, staff.actual], ['pass', 8, 8]);
  const active = check(pipe, 'active.total <= sum(active.channels.*)');
  assert.equal([active.status, active.expected, active.actual], ['pass', 613, 24]);
  assert.is(pipe.tables[0]!.checks.filter((c) => c.status === 'fail').length, 1);
});

test('seed 003: the footer line is kept as an unmatched row, not dropped', () => {
  const d = pipe.tables[0]!.diagnostics.find((x) => x.code === 'unmatched-text-row');
  assert.ok(d?.label?.startsWith('单位负责人'));
});

test('HTML (GB18030, merged cells) gives identical indicators and checks', () => {
  assert.equal(html.input, { kind: 'html', encoding: 'gb18030' });
  assert.is(html.tables.length, 1, 'the 备注 column is not a second value column');
  const strip = (r: ReportResult) => r.tables[0]!.indicators.map((i) => [i.id, i.value, i.unit]);
  assert.equal(strip(html), strip(pipe));
  const checks = (r: ReportResult) => r.tables[0]!.checks.map((c) => [c.rule, c.status, c.expected, c.actual]);
  assert.equal(checks(html), checks(pipe));
  // the staff block's unit cell is merged over three rows: its unit applies to all three
  assert.equal(
    html.tables[0]!.diagnostics.filter((d) => d.code === 'unit-mismatch').map((d) => d.id),
    ['org.staff', 'org.staff.full_time', 'org.staff.part_time', 'training.trainees'],
  );
  // a <br> inside a label is read as one label
  assert.ok(ind(html, 'active.total').label.includes('\n'));
});

test.run();
