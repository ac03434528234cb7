// Issue 3: metadata, figures stated in the prose, and prose-against-table
// checks. The expected figures were written by reading each seed.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, type ReportResult } from '../src/index.js';
import { readFixture } from './helpers.js';

const seed = (name: string): { text: string; r: ReportResult } => {
  const bytes = readFixture('seeds', name);
  return { text: bytes.toString('utf8'), r: parseReport(bytes) };
};
const figures = (r: ReportResult) => r.prose.indicators.map((p) => `${p.id}=${p.value}`);

/** Every span cuts out the figure's own words, number included. */
function spansHold(text: string, r: ReportResult): void {
  for (const p of r.prose.indicators) {
    const cut = text.slice(p.span[0], p.span[1]);
    assert.ok(cut.includes(String(p.value)) || /[\uff10-\uff19]/.test(cut), `${p.id}: "${cut}" holds ${p.value}`);
    assert.ok(p.text.includes(cut), `${p.id}: the sentence holds the span`);
  }
}

test('seed 000 (松山新區 2017, traditional): metadata and the one figure it states', () => {
  const { text, r } = seed('000_e2ff042a052fb6c2.txt');
  assert.equal(r.meta, { title: '松山新區2017年政府信息公開工作年度工作報告', agency: '松山新區', year: 2017, date: null });
  assert.is(r.prose.form, '2014');
  assert.equal(figures(r), ['apply.received=4'], '其中涉及拆遷類1件 are categories, 審批件16437件 another subject');
  spansHold(text, r);
});

test('seed 001 (绵阳市 2017): totals, the channel split and the appeal outcomes', () => {
  const { text, r } = seed('001_cad39cc556105118.txt');
  assert.equal(r.meta, { title: '绵阳市2017年政府信息公开工作年度报告', agency: '绵阳市', year: 2017, date: '2018-03-15' });
  assert.equal(figures(r), [
    'active.total=327899',
    'apply.received=456',
    'apply.received.in_person=272',
    'apply.received.online=122',
    'apply.received.letter=59',
    'apply.received.fax=3',
    'review.total=51',
    'review.maintained=26',
    'review.corrected=2',
    'review.other=23',
    'litigation.total=25',
    'litigation.maintained=22',
    'litigation.corrected=3',
  ]);
  const active = r.prose.indicators[0]!;
  assert.is(text.slice(active.span[0], active.span[1]), '主动公开政府信息327899条');
  assert.is(r.prose.indicators.find((p) => p.id === 'litigation.maintained')?.text, '提起行政诉讼25件,其中:维持具体行政行为和驳回原告诉讼请求22件,被依法纠错3件');
  spansHold(text, r);
});

test('seed 002 (陽春市發改局 2017, ruby debris): agency without the glosses, one figure', () => {
  const { text, r } = seed('002_2ddf67c3c1c04b33.txt');
  assert.equal(r.meta, { title: null, agency: '陽春市發展和改革局', year: 2017, date: '2018-03-06' });
  assert.equal(figures(r), ['active.total=80'], 'the categories after 其中 are not catalogue cells');
  spansHold(text, r);
});

test('seed 004 (港閘區 2016, traditional): signature block and the staffing sentence', () => {
  const { text, r } = seed('004_855cf634747c23cf.txt');
  assert.equal(r.meta, { title: null, agency: '港閘區人民政府辦公室', year: 2016, date: '2017-02-20' });
  assert.equal(figures(r), ['response.channels.press_conferences=12', 'apply.received=226', 'org.dedicated_units=2', 'org.staff.part_time=30', 'org.staff.full_time=2']);
  assert.is(text.slice(r.prose.indicators[1]!.span[0], r.prose.indicators[1]!.span[1]), '收到政府信息公開申請226件');
  spansHold(text, r);
});

test('seed 003: the text and the table agree, and the checks say so', () => {
  const bytes = readFixture('tables', 'seed003-2014-pipe', 'input.txt');
  const r = parseReport(bytes);
  assert.equal(r.meta, { title: null, agency: '薛家岛街道办事处', year: 2017, date: '2018-01-23' });
  assert.equal(figures(r), ['active.total=24', 'active.channels=613']);
  assert.equal(
    r.prose.checks.map((c) => [c.rule, c.status, c.expected, c.actual]),
    [
      ['prose:active.total = table', 'pass', 24, 24],
      ['prose:active.channels = table', 'pass', 613, 613],
    ],
  );
  assert.equal(r.prose.checks[1]?.ids.length, 6, '613 is the sum of the five channel cells');
  spansHold(bytes.toString('utf8'), r);
});

test('a prose figure that disagrees with its table fails its check', () => {
  const text = readFixture('tables', 'seed003-2014-pipe', 'input.txt').toString('utf8').replace('主动公开信息数24条', '主动公开信息数25条');
  const c = parseReport(text).prose.checks.find((x) => x.rule === 'prose:active.total = table');
  assert.equal([c?.status, c?.expected, c?.actual], ['fail', 24, 25]);
});

test('the 2021 page: prose in the 2021 catalogue, checked against 表三', () => {
  const r = parseReport(readFixture('tables', '2021-html', 'input.html'));
  assert.equal(r.meta, { title: '某某区人民政府办公室2022年政府信息公开工作年度报告', agency: '某某区人民政府办公室', year: 2022, date: '2023-01-20' });
  assert.equal(figures(r), ['apply.new_received.total=39']);
  assert.equal(
    r.prose.checks.map((c) => c.status),
    ['pass'],
  );
});

test('sentences that look like figures but are not yield nothing', () => {
  const sentences = [
    '书记市长信箱共接收信件8858件,回复来信8545件。',
    '2017年全市办理人大建议352件、政协提案713件。',
    '截至目前,共办理各类审批件16437件。',
    '全年主动公开政府信息200余条。',
    '主动公开政府信息近3万条。',
    '历年累计主动公开政府信息12000条。',
    '绵阳政务网全年访问量累计达740余万次。',
    '当面申请占59.6%。',
    '英文网站加载译文信息343条,全年共报送1050条。',
    '依申请公开比上年增加行政复议5件。',
    '微信、微博全年发布政务资讯、服务信息3848条。',
    '2017年全市政府信息公开无收费和减免。',
  ];
  for (const s of sentences) {
    const r = parseReport(`某某县2017年政府信息公开工作年度报告\n${s}\n`);
    assert.equal(figures(r), [], s);
  }
});

test('a figure stated twice with two values is ambiguous and left alone', () => {
  const r = parseReport('某某县2017年政府信息公开工作年度报告\n全年主动公开政府信息80条。\n另据统计,主动公开政府信息90条。\n');
  assert.equal(figures(r), []);
  assert.ok(r.diagnostics.some((d) => d.code === 'prose-conflict' && d.id === 'active.total'));
});

test('fees in 元 are converted to the catalogue unit', () => {
  const r = parseReport('某某县2017年政府信息公开工作年度报告\n全年共收取费用2500元。\n');
  assert.equal(
    r.prose.indicators.map((p) => [p.id, p.value, p.unit]),
    [['fees.total', 0.25, '万元']],
  );
});

test('workbook returns take the agency from their 填报单位 line', () => {
  const r = parseReport(readFixture('returns', '2021-filled.xlsx'));
  assert.is(r.meta.agency, '某某县交通运输局');
});

test.run();
