// Serialising results: JSON, JSONL and the long CSV of OUTPUT.md. Pure
// functions over ReportResult; the CLI decides where the text goes.

import { library } from '../core/libraries.js';
import { type Catalogue, defaultCatalogue } from '../catalogue/index.js';
import type { ReportResult } from './schema.js';

export type OutputFormat = 'json' | 'jsonl' | 'csv';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['json', 'jsonl', 'csv'];

/**
 * The long format: the nine columns of OUTPUT.md first, then what a dataset needs to read a row on its own:
 * the report's agency and year, the variant, the value column (its header and kind: a running total is
 * never the year's figure), the label as printed and as in the catalogue, and where the cell is.
 */
export const CSV_HEADER = [
  'source',
  'form',
  'table',
  'id',
  'value',
  'unit',
  'raw',
  'row',
  'col',
  'agency',
  'year',
  'variant',
  'column',
  'column_kind',
  'label',
  'catalogue_label',
  'page',
  'sheet',
  'ref',
  'line',
] as const;

/** Catalogue labels by form and id (the variants' rows included). */
const labelCache = new WeakMap<Catalogue, Map<string, string>>();
export function catalogueLabel(catalogue: Catalogue, form: string, id: string): string | null {
  let map = labelCache.get(catalogue);
  if (!map) {
    map = new Map(catalogue.forms.flatMap((f) => f.tables.flatMap((t) => t.indicators.map((i) => [`${f.form}:${i.id}`, i.label] as const))));
    labelCache.set(catalogue, map);
  }
  return map.get(`${form}:${id}`) ?? null;
}

/** The source as one string (an aggregate lists its inputs). */
export function sourceName(doc: ReportResult): string | null {
  return Array.isArray(doc.source) ? doc.source.join('; ') : doc.source;
}

/** One CSV row per indicator, long format. */
export function toCsvRows(doc: ReportResult, catalogue: Catalogue = defaultCatalogue()): (string | number | null)[][] {
  const source = sourceName(doc);
  return doc.tables.flatMap((t) =>
    t.indicators.map((i) => [
      source,
      t.form,
      t.table,
      i.id,
      i.value,
      i.unit,
      i.raw,
      i.cell.row ?? null,
      i.cell.col ?? null,
      doc.meta.agency,
      doc.meta.year,
      t.variant,
      t.column.label,
      t.column.kind,
      // A label printed over several lines is one line here: a CSV row stays one line.
      i.label.replace(/\s+/g, ' '),
      catalogueLabel(catalogue, t.form, i.id),
      i.cell.page ?? null,
      i.cell.sheet ?? null,
      i.cell.ref ?? null,
      i.cell.line ?? null,
    ]),
  );
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
  return rows.length === 0 ? '' : `${library('papaparse').unparse(rows, { newline: '\n' })}\n`;
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
      return `${library('papaparse').unparse({ fields: [...CSV_HEADER], data: docs.flatMap((d) => toCsvRows(d)) }, { newline: '\n' })}\n`;
  }
}
