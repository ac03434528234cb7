// Serialising results: JSON, JSONL and the long CSV of OUTPUT.md. Pure
// functions over ReportResult; the CLI decides where the text goes.

import Papa from 'papaparse';
import type { ReportResult } from '../schema.js';

export type OutputFormat = 'json' | 'jsonl' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'csv'];

export const CSV_HEADER = ['source', 'form', 'table', 'id', 'value', 'unit', 'raw', 'row', 'col'] as const;

/** One CSV row per indicator, long format. */
export function toCsvRows(doc: ReportResult): (string | number | null)[][] {
  return doc.tables.flatMap((t) =>
    t.indicators.map((i) => [doc.source, t.form, t.table, i.id, i.value, i.unit, i.raw, i.cell.row ?? null, i.cell.col ?? null]),
  );
}

export function formatDocuments(docs: ReportResult[], format: OutputFormat, single: boolean): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(single ? docs[0] : docs, null, 2)}\n`;
    case 'jsonl':
      return docs.map((d) => `${JSON.stringify(d)}\n`).join('');
    case 'csv':
      return `${Papa.unparse({ fields: [...CSV_HEADER], data: docs.flatMap(toCsvRows) }, { newline: '\n' })}\n`;
  }
}
