// The page's worker: parsing, checking what a clerk types and the exports
// run here, so the page never freezes, even on a large workbook. Also lays
// out each recognised table as printed on paper, for the page to draw.

// The page may read and write any kind of file: every library is handed in at once.
import '../src/core/libraries-all.js';
import { defaultCatalogue } from '../src/catalogue/index.js';
import { ParseError } from '../src/core/diagnostics.js';
import { nothingChecked } from '../src/output/check-report.js';
import { formReport } from '../src/output/aggregate.js';
import { CHECK_HEADER, CSV_HEADER, DIAGNOSTIC_HEADER, csvLines, toCheckRows, toCsvRows, toDiagnosticRows } from '../src/output/formats.js';
import { markedReturn } from '../src/output/marked-return.js';
import { paperSheetOf, paperSheets } from '../src/output/paper-form.js';
import type { ReportResult } from '../src/output/schema.js';
import { localizeReport, wordChecks } from '../src/output/wording.js';
import { formWorkbook, tablesWorkbook, workbookBytes } from '../src/output/workbook.js';
import { parseTrustedAsync } from '../src/pipeline.js';
import type { Request, Response } from './protocol.js';

const post = (m: Response): void => (self as unknown as Worker).postMessage(m);
let last: ReportResult | null = null;
/** The form being filled in on the page, if any. */
let filling: string | null = null;

function show(result: ReportResult, fill: boolean): void {
  last = result;
  const catalogue = defaultCatalogue();
  const layouts = result.tables.map((t) => {
    const table = catalogue.forms.find((f) => f.form === t.form)?.tables.find((x) => x.table === t.table);
    return table ? paperSheetOf(table) : null;
  });
  post({ type: 'result', result: { zh: localizeReport(result, 'zh', catalogue), en: wordChecks(result, 'en', catalogue) }, layouts, nothing: nothingChecked(result), fill });
}

/** A typed cell: a plain number (full-width digits and thousands commas allowed), or blank. */
function typed(text: string): number | null {
  const s = text.normalize('NFKC').replace(/,/g, '').trim();
  return /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : null;
}

function fill(formId: string, values: Map<string, number | null>, name: string | null): void {
  const form = defaultCatalogue().forms.find((f) => f.form === formId);
  if (!form) return;
  filling = formId;
  show(formReport(form, values, { title: form.name, agency: null, year: null }, name), true);
}

async function exportAs(format: Extract<Request, { type: 'export' }>['format'], lang: 'zh' | 'en'): Promise<Uint8Array | null> {
  if (!last) return null;
  const catalogue = defaultCatalogue();
  if (format === 'csv') return new TextEncoder().encode(`\ufeff${csvLines([[...CSV_HEADER], ...toCsvRows(last)])}`);
  if (format === 'checked') return markedReturn(localizeReport(last, lang, catalogue), catalogue, lang);
  if (format === 'return') {
    const form = catalogue.forms.find((f) => f.form === (filling ?? last?.tables[0]?.form));
    if (!form) return null;
    return workbookBytes(formWorkbook(form, new Map(last.tables.flatMap((t) => t.indicators.map((i) => [i.id, i.value] as const)))));
  }
  const sheets = [
    { name: 'indicators', rows: [[...CSV_HEADER], ...toCsvRows(last)] },
    { name: 'checks', rows: [[...CHECK_HEADER], ...toCheckRows(last)] },
    { name: 'diagnostics', rows: [[...DIAGNOSTIC_HEADER], ...toDiagnosticRows(last)] },
  ];
  return workbookBytes(tablesWorkbook(sheets));
}

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  try {
    if (req.type === 'export') {
      const bytes = await exportAs(req.format, req.lang);
      if (bytes) post({ type: 'export', format: req.format, bytes });
    } else if (req.type === 'blank') {
      const form = defaultCatalogue().forms.find((f) => f.form === req.form);
      if (form) fill(req.form, new Map(paperSheets(form).flatMap((s) => s.slots.map((x) => [x.id, null] as const))), null);
    } else if (req.type === 'fill') {
      fill(req.form, new Map(Object.entries(req.values).map(([id, text]) => [id, typed(text)])), req.name);
    } else {
      filling = null;
      show(await parseTrustedAsync(req.bytes ?? req.text ?? '', { source: req.name, onProgress: (progress) => post({ type: 'progress', progress }) }), false);
    }
  } catch (err) {
    if (err instanceof ParseError) post({ type: 'error', code: err.code, params: err.params, message: err.message });
    else post({ type: 'error', code: 'internal-error', params: { reason: (err as Error)?.message ?? String(err) }, message: String(err) });
  }
};

post({ type: 'forms', forms: defaultCatalogue().forms.map((f) => ({ form: f.form, name: f.name })) });
