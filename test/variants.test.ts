// The seed 003 table rewritten as other copies print it: traditional script,
// pinyin ruby debris, numbering dropped or changed, a trailing 数 added or
// removed, full-width digits. Each must give the same indicators.
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as OpenCC from 'opencc-js';
import { parseReport, type ReportResult } from '../src/index.js';
import { readFixture } from './helpers.js';

const seed = readFixture('tables', 'seed003-2014-pipe', 'input.txt').toString('utf8');
const base = parseReport(seed);
const values = (r: ReportResult) => r.tables.flatMap((t) => t.indicators.map((i) => `${i.id}=${i.value}`));

/** Rewrite only the table lines. */
function mapTable(f: (line: string) => string): string {
  return seed
    .split('\n')
    .map((l) => (l.startsWith('|') ? f(l) : l))
    .join('\n');
}

test('traditional script (OpenCC cn → hk)', () => {
  const toTrad = OpenCC.Converter({ from: 'cn', to: 'hk' });
  const text = mapTable(toTrad);
  assert.ok(text.includes('從事政府信息公開工作人員數'));
  assert.equal(values(parseReport(text)), values(base));
});

test('Taiwan vocabulary: 資訊 for 信息, 檔案 for 文件', () => {
  const toTw = OpenCC.Converter({ from: 'cn', to: 'twp' });
  const text = mapTable(toTw);
  assert.ok(text.includes('資訊'));
  assert.equal(values(parseReport(text)), values(base));
});

test('pinyin ruby debris, with and without tones, doubled', () => {
  const text = mapTable((l) => l.replace(/政/g, '政(zhèng)').replace(/公开/g, '公(gong)(gong)开(kai)(kai)').replace(/数/g, '数(shù)'));
  assert.equal(values(parseReport(text)), values(base));
});

test('numbering dropped, trailing 数 dropped, full-width digits and brackets', () => {
  const text = mapTable((l) =>
    l
      .replace(/\|\s*(?:[一二三四五六七八九]、|\([一二三四五六七八九]\)\s*|\d\.)/, '| ')
      .replace(/数 \|/, ' |')
      .replace(/(\d+)([条件次个人篇万])/g, (_m, d: string, u: string) => `${[...d].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('')}${u}`),
  );
  assert.ok(text.includes('| 维持具体行政行为'));
  assert.ok(text.includes('２４条'));
  assert.equal(values(parseReport(text)), values(base));
});

test('circled and parenthesised numbering', () => {
  const text = mapTable((l) => l.replace(/\| 1\./, '| ①').replace(/\| 2\./, '| (2)'));
  assert.equal(values(parseReport(text)), values(base));
});

test.run();
