// PDF reports: ruled tables (lattice) and tables without rules, tables broken
// across pages, wrapped and vertical labels, a misprinted label read by its
// place, scans, damaged and encrypted files. The PDFs under fixtures/pdf/ were
// made from the repository's own HTML and workbook fixtures by LibreOffice and
// Chromium (scripts/fixtures/make-pdf-fixtures.mjs): each must read exactly as
// its source does. 038 is a published report (WPS), its cells read by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { parseReport, parseReportAsync, type ReportResult, ReportResultSchema } from '../src/index.js';
import { fixture, ROOT } from './helpers.js';

const pdf = (name: string): Buffer => readFileSync(fixture('pdf', `${name}.pdf`));
const REAL = join(ROOT, '..', 'shared', 'realworld', '038-huaian-hongze-2024-wps.pdf');

function values(doc: ReportResult): Record<string, number | null> {
  return Object.fromEntries(doc.tables.flatMap((t) => t.indicators.map((i) => [`${t.table}:${i.id}`, i.value])));
}
function checks(doc: ReportResult): Record<string, string> {
  return Object.fromEntries(doc.tables.flatMap((t) => t.checks.map((c) => [`${t.table}:${c.rule}`, `${c.status} ${c.expected} ${c.actual}`])));
}
const codes = (doc: ReportResult): string[] => [...doc.diagnostics, ...doc.tables.flatMap((t) => t.diagnostics)].map((d) => d.code);

test('a published WPS report: every table read, cells as printed, with page and box', async () => {
  if (!existsSync(REAL)) {
    console.log('  skipped: ../shared/realworld/038-huaian-hongze-2024-wps.pdf is not beside the project');
    return;
  }
  const doc = ReportResultSchema.parse(await parseReportAsync(readFileSync(REAL), { source: '038.pdf' }));
  assert.is(doc.input.kind, 'pdf');
  assert.equal(doc.meta, { title: '淮安市洪泽区人民政府2024年政府信息公开工作年度报告', agency: '淮安市洪泽区人民政府', year: 2024, date: null });
  assert.equal(
    doc.tables.map((t) => [t.form, t.table, t.location.page]),
    [
      ['2021', 'active', 2],
      ['2021', 'apply', 3],
      ['2021', 'appeals', 4],
    ],
  );
  const v = values(doc);
  // Read by hand from the PDF (pages 2–4).
  const expected: Record<string, number> = {
    'active:active.rules.made': 0,
    'active:active.rules.repealed': 0,
    'active:active.rules.in_force': 0,
    'active:active.normative_docs.made': 3,
    'active:active.normative_docs.repealed': 0,
    'active:active.normative_docs.in_force': 8,
    'active:active.licensing.decisions': 9487,
    'active:active.penalty.decisions': 2776,
    'active:active.coercion.decisions': 84,
    'active:active.fees.amount': 7545,
    'apply:apply.new_received.natural_person': 95,
    'apply:apply.new_received.total': 95,
    'apply:apply.carried_over.total': 0,
    'apply:apply.results.granted.natural_person': 50,
    'apply:apply.results.partial.natural_person': 9,
    'apply:apply.results.denied.law_forbidden.natural_person': 0,
    'apply:apply.results.denied.security_stability.natural_person': 1,
    'apply:apply.results.denied.process_info.total': 1,
    'apply:apply.results.denied.enforcement_files.total': 1,
    'apply:apply.results.unable.no_info.natural_person': 31,
    'apply:apply.results.unable.needs_creation.natural_person': 1,
    'apply:apply.results.not_processed.petition.total': 1,
    'apply:apply.results.not_processed.confirm_reissue.total': 0,
    'apply:apply.results.total.total': 95,
    'apply:apply.carried_forward.total': 0,
    'appeals:review.maintained': 1,
    'appeals:review.corrected': 1,
    'appeals:review.total': 2,
    'appeals:litigation.direct.maintained': 1,
    'appeals:litigation.direct.total': 1,
    'appeals:litigation.after_review.maintained': 2,
    'appeals:litigation.after_review.other': 1,
    'appeals:litigation.after_review.total': 3,
  };
  for (const [id, value] of Object.entries(expected)) assert.is(v[id], value, id);
  const apply = doc.tables[1] as ReportResult['tables'][number];
  // 表三 runs from page 3 onto page 4 with no repeated header.
  assert.equal([...new Set(apply.indicators.map((i) => i.cell.page))], [3, 4]);
  const box = apply.indicators.find((i) => i.id === 'apply.new_received.total')?.cell.box;
  assert.ok(box && box[0] > 480 && box[2] < 520 && box[1] > 320 && box[3] < 350, `box ${box}`);
  // The misprint 2.其他法律行政止公开 is read by its place, and says so.
  const approx = apply.diagnostics.find((d) => d.code === 'label-approximate');
  assert.is(approx?.id, 'apply.results.denied.law_forbidden');
  assert.is(approx?.label, '2.其他法律行政止公开');
  assert.is(approx?.cell?.page, 3);
  // The vertical group label 三、本年度办理结果 is read whole (pdf.js's text layer drops most of it).
  assert.ok(apply.indicators.some((i) => i.id === 'apply.results.granted.total' && i.value === 50));
  assert.is(apply.checks.filter((c) => c.status === 'fail').length, 0);
  // The text says 17 applications (the office's own) where the table says 95 (the district's): a failed prose check.
  assert.equal(
    doc.prose.checks.map((c) => [c.rule, c.status, c.expected, c.actual]),
    [['prose:apply.new_received.total = table', 'fail', 95, 17]],
  );
});

test('the 2021 report page printed to PDF (Chromium, LibreOffice, broken across pages, wrapped labels) reads exactly as the page', async () => {
  const html = parseReport(readFileSync(fixture('tables', '2021-html', 'input.html')));
  for (const name of ['2021-page-chromium', '2021-page-lo', '2021-page-break', '2021-page-wrapped']) {
    const doc = await parseReportAsync(pdf(name), { source: name });
    assert.equal(values(doc), values(html), name);
    assert.equal(checks(doc), checks(html), name);
    assert.is(Object.keys(values(doc)).length, 200, name);
    assert.not.ok(codes(doc).includes('pdf-stream-table'), `${name}: ruled`);
  }
  // Both 表二 and 表三 break across a page, with no header repeated.
  const broken = await parseReportAsync(pdf('2021-page-break'));
  assert.equal(
    broken.tables.map((t) => [...new Set(t.indicators.map((i) => i.cell.page))]),
    [[1, 2], [2, 3], [3]],
  );
});

test('returns exported to PDF by LibreOffice (no cell borders) read exactly as the workbooks, by header position', async () => {
  for (const [book, name] of [
    ['2014-filled.xlsx', '2014-filled-lo'],
    ['2019-filled.xlsx', '2019-filled-lo'],
    ['2021-filled.xlsx', '2021-filled-lo'],
    ['2014-return.docx', '2014-return-lo'],
  ] as const) {
    const source = await parseReportAsync(readFileSync(fixture('returns', book)));
    const doc = await parseReportAsync(pdf(name), { source: name });
    assert.equal(values(doc), values(source), name);
    assert.equal(checks(doc), checks(source), name);
    assert.ok(Object.keys(values(doc)).length >= 60, name);
    // Placed by position: every such table says so.
    assert.is(codes(doc).filter((c) => c === 'pdf-stream-table').length, doc.tables.length, name);
  }
});

test('a scanned PDF: the image-only pages are named, nothing is guessed', async () => {
  const doc = await parseReportAsync(pdf('scanned'));
  const d = doc.diagnostics.find((x) => x.code === 'pdf-image-only');
  assert.equal(d?.actual, [1, 2]);
  assert.is(d?.severity, 'warning');
  assert.is(doc.tables.length, 0);
  assert.is(doc.prose.indicators.length, 0);
});

test('a table without rules whose header labels wrap is not read: no value, and no-table-found says so', async () => {
  const doc = await parseReportAsync(pdf('2021-page-norules'));
  assert.is(doc.tables.length, 0);
  assert.ok(codes(doc).includes('no-table-found'));
});

test('damaged, encrypted and oversized PDFs end in coded errors or limits', async () => {
  const bytes = readFileSync(fixture('pdf', '2021-page-lo.pdf'));
  const reject = async (input: Uint8Array, code: string): Promise<void> => {
    try {
      await parseReportAsync(input, { source: 'x.pdf' });
      assert.unreachable(`expected ${code}`);
    } catch (e) {
      assert.is((e as { code?: string }).code, code, String(e));
      assert.is((e as { file?: string }).file, 'x.pdf');
    }
  };
  await reject(bytes.subarray(0, 2000), 'input-corrupt');
  await reject(new TextEncoder().encode('%PDF-1.7\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'), 'input-corrupt');
  await reject(pdf('encrypted'), 'input-encrypted');
  const limited = await parseReportAsync(bytes, { maxPages: 2 });
  assert.equal(limited.diagnostics.find((d) => d.code === 'limit-pages')?.actual, 5);
  assert.ok(limited.tables.every((t) => (t.location.page ?? 0) <= 2));
  // The synchronous API says which to use.
  assert.throws(
    () => parseReport(bytes),
    (e: unknown) => (e as { code?: string }).code === 'input-unsupported' && /parseReportAsync/.test(String(e)),
  );
});

test('convert reads a folder of PDFs on its workers; the encrypted one is listed with its code', async () => {
  const { main } = await import('../src/cli/main.js');
  const { fakeIO } = await import('./helpers.js');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const out = join(mkdtempSync(join(tmpdir(), 'zfxxgk-pdf-')), 'all.jsonl');
  const io = fakeIO();
  assert.is(await main(['convert', fixture('pdf'), '--out', out, '--threads', '2'], io), 1);
  const docs = readFileSync(out, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as ReportResult);
  assert.is(docs.length, 11);
  assert.ok(docs.every((d) => d.input.kind === 'pdf'));
  assert.match(io.err(), /encrypted\.pdf: input-encrypted/);
  assert.match(io.err(), /\(9 with tables, 2 without a table, 1 unreadable, 0 skipped\)/);
});

test.run();
