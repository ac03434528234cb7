// The page's worker: parsing (and the exports) run here, so the page never
// freezes, even on a large workbook. Also lays out each recognised table as
// printed on paper, for the page to draw.

import { defaultCatalogue } from '../src/catalogue/index.js';
import { CHECK_HEADER, CSV_HEADER, DIAGNOSTIC_HEADER, csvLines, toCheckRows, toCsvRows, toDiagnosticRows } from '../src/output/formats.js';
import { tablesWorkbook, workbookBytes } from '../src/output/workbook.js';
import { paperSheetOf } from '../src/output/paper-form.js';
import { parseReportAsync } from '../src/parse-report.js';
import type { ReportResult } from '../src/output/schema.js';
import type { Request, Response } from './protocol.js';

const post = (m: Response): void => (self as unknown as Worker).postMessage(m);
let last: ReportResult | null = null;

self.onmessage = async (e: MessageEvent<Request>) => {
  const req = e.data;
  if (req.type === 'export') {
    if (!last) return;
    if (req.format === 'csv') {
      post({ type: 'export', format: 'csv', bytes: new TextEncoder().encode(`\ufeff${csvLines([[...CSV_HEADER], ...toCsvRows(last)])}`) });
    } else {
      const sheets = [
        { name: 'indicators', rows: [[...CSV_HEADER], ...toCsvRows(last)] },
        { name: 'checks', rows: [[...CHECK_HEADER], ...toCheckRows(last)] },
        { name: 'diagnostics', rows: [[...DIAGNOSTIC_HEADER], ...toDiagnosticRows(last)] },
      ];
      post({ type: 'export', format: 'xlsx', bytes: workbookBytes(tablesWorkbook(sheets)) });
    }
    return;
  }
  try {
    const result = await parseReportAsync(req.bytes ?? req.text ?? '', { source: req.name, onProgress: (progress) => post({ type: 'progress', progress }) });
    last = result;
    const forms = defaultCatalogue().forms;
    const layouts = result.tables.map((t) => {
      const table = forms.find((f) => f.form === t.form)?.tables.find((x) => x.table === t.table);
      return table ? paperSheetOf(table) : null;
    });
    post({ type: 'result', result, layouts });
  } catch (err) {
    const e2 = err as { code?: string; message?: string };
    post({ type: 'error', code: e2.code ?? 'internal-error', message: e2.message ?? String(err) });
  }
};
