// Two numbers in one cell (`21 0`: cells that ran together, a PDF column read
// as one) are never read as one number, whatever the input kind: the value is
// null and a diagnostic names the cell.
import { readFileSync } from 'node:fs';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import * as XLSX from 'xlsx';
import { parseReportAsync, type ReportResult } from '../src/index.js';
import { fixture } from './helpers.js';

const ID = 'apply.new_received.natural_person';

function assertTwoNumbers(doc: ReportResult, kind: string): void {
  const apply = doc.tables.find((t) => t.table === 'apply');
  assert.ok(apply, `${kind}: table 三 is read`);
  const v = apply.indicators.find((i) => i.id === ID);
  assert.is(v?.value ?? null, null, `${kind}: ${ID} is not read as one number (got ${v?.value})`);
  const d = apply.diagnostics.find((x) => x.code === 'value-two-numbers');
  assert.is(d?.id, ID, `${kind}: a value-two-numbers diagnostic names ${ID}`);
  assert.match(String(d?.actual ?? v?.raw), /21\s+0/);
  // Nothing else in the table took 210, 21 or 0 from that cell.
  assert.not.ok(
    apply.indicators.some((i) => i.value === 210),
    `${kind}: no 210 anywhere`,
  );
}

test('pipe text, HTML and a PDF printed from the page: 21 0 is two numbers', async () => {
  const pipe = readFileSync(fixture('tables', '2021-pipe', 'input.txt'), 'utf8').replace(/(一、本年新收政府信息公开申请数量 \|\s+\|\s+\| )30 /, '$121 0 ');
  assert.match(pipe, /21 0/);
  assertTwoNumbers(await parseReportAsync(pipe), 'pipe text');
  const html = readFileSync(fixture('tables', '2021-html', 'input.html'), 'utf8').replace(/(一、本年新收政府信息公开申请数量<\/td><td>)30(<\/td>)/, '$121 0$2');
  assert.match(html, /21 0/);
  assertTwoNumbers(await parseReportAsync(html), 'HTML');
  assertTwoNumbers(await parseReportAsync(readFileSync(fixture('pdf', '2021-two-numbers.pdf'))), 'PDF');
});

test('a workbook cell and a CSV field holding 21 0', async () => {
  const wb = XLSX.read(readFileSync(fixture('returns', '2021-filled.xlsx')));
  let changed = 0;
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] as XLSX.WorkSheet;
    const rows = XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, blankrows: true });
    rows.forEach((row, r) => {
      const c = row.findIndex((x) => typeof x === 'string' && x.includes('一、本年新收政府信息公开申请数量'));
      if (c < 0) return;
      const at = row.findIndex((x, i) => i > c && typeof x === 'number');
      ws[XLSX.utils.encode_cell({ r, c: at })] = { t: 's', v: '21 0' };
      changed++;
    });
  }
  assert.is(changed, 1);
  assertTwoNumbers(await parseReportAsync(new Uint8Array(XLSX.write(wb, { type: 'buffer', bookType: 'xlsx' }))), 'xlsx');
  const sheet = wb.SheetNames.find((n) => XLSX.utils.sheet_to_csv(wb.Sheets[n] as XLSX.WorkSheet).includes('21 0')) as string;
  const csv = XLSX.utils.sheet_to_csv(wb.Sheets[sheet] as XLSX.WorkSheet);
  assertTwoNumbers(await parseReportAsync(csv, { source: 'return.csv' }), 'CSV');
});

test.run();
