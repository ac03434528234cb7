// Serialising results: JSON, JSONL and the long CSV of OUTPUT.md. Pure
// functions over ReportResult; the CLI decides where the text goes.

import Papa from 'papaparse';
import type { ReportResult } from './schema.js';

export type OutputFormat = 'json' | 'jsonl' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'csv'];

export const CSV_HEADER = ['source', 'form', 'table', 'id', 'value', 'unit', 'raw', 'row', 'col'] as const;

/** The source as one string (an aggregate lists its inputs). */
function sourceName(doc: ReportResult): string | null {
  return Array.isArray(doc.source) ? doc.source.join('; ') : doc.source;
}

/** One CSV row per indicator, long format. */
export function toCsvRows(doc: ReportResult): (string | number | null)[][] {
  const source = sourceName(doc);
  return doc.tables.flatMap((t) => t.indicators.map((i) => [source, t.form, t.table, i.id, i.value, i.unit, i.raw, i.cell.row ?? null, i.cell.col ?? null]));
}

export const CHECK_HEADER = ['source', 'form', 'table', 'rule', 'strength', 'status', 'expected', 'actual', 'ids'] as const;
export const DIAGNOSTIC_HEADER = ['source', 'table', 'code', 'severity', 'id', 'message', 'row', 'col', 'line', 'ref'] as const;

/** One row per check, for the checks sheet of a converted workbook. */
export function toCheckRows(doc: ReportResult): (string | number | null)[][] {
  const source = sourceName(doc);
  return doc.tables.flatMap((t) => t.checks.map((c) => [source, t.form, t.table, c.rule, c.strength, c.status, c.expected, c.actual, c.ids.join(' ')]));
}

/** One row per diagnostic (document-level ones have no table). */
export function toDiagnosticRows(doc: ReportResult): (string | number | null)[][] {
  const source = sourceName(doc);
  const row = (table: string | null, d: ReportResult['diagnostics'][number]): (string | number | null)[] => [
    source,
    table,
    d.code,
    d.severity,
    d.id ?? null,
    d.message,
    d.cell?.row ?? null,
    d.cell?.col ?? null,
    d.cell?.line ?? null,
    d.cell?.ref ?? null,
  ];
  return [...doc.diagnostics.map((d) => row(null, d)), ...doc.tables.flatMap((t) => t.diagnostics.map((d) => row(t.table, d)))];
}

/** CSV text of rows (no header), as papaparse quotes it. */
export function csvLines(rows: (string | number | null)[][]): string {
  return rows.length === 0 ? '' : `${Papa.unparse(rows, { newline: '\n' })}\n`;
}

export function formatDocuments(docs: ReportResult[], format: OutputFormat, single: boolean): string {
  switch (format) {
    case 'json':
      // One input that could not be read leaves nothing to print (its error went to standard error).
      if (single) return docs[0] ? `${JSON.stringify(docs[0], null, 2)}\n` : '';
      return `${JSON.stringify(docs, null, 2)}\n`;
    case 'jsonl':
      return docs.map((d) => `${JSON.stringify(d)}\n`).join('');
    case 'csv':
      return `${Papa.unparse({ fields: [...CSV_HEADER], data: docs.flatMap(toCsvRows) }, { newline: '\n' })}\n`;
  }
}
