// The zod schema of what parseReport returns: the output contract of
// ../spec/OUTPUT.md as code. Also written to schema/report.schema.json.

import { z } from 'zod';
import { CODES, type Code } from '../core/codes.js';

const LocationSchema = z.object({
  row: z.number().int().nonnegative().optional(),
  col: z.number().int().nonnegative().optional(),
  line: z.number().int().positive().optional(),
  ref: z.string().optional(),
  sheet: z.string().optional(),
  table: z.number().int().nonnegative().optional(),
  /** PDF: the 1-based page and the cell's box on it, [x0, y0, x1, y1] in points with y up. */
  page: z.number().int().positive().optional(),
  box: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
});

export const DiagnosticSchema = z.object({
  code: z.enum(Object.keys(CODES) as [Code, ...Code[]]),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  /** The data the message is made from (numbers, labels, cells), by name. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.union([z.string(), z.number()]))])).optional(),
  id: z.string().optional(),
  label: z.string().optional(),
  cell: LocationSchema.optional(),
  expected: z.unknown().optional(),
  actual: z.unknown().optional(),
});

export const IndicatorValueSchema = z.object({
  id: z.string(),
  value: z.number().nullable(),
  unit: z.string().nullable(),
  raw: z.string(),
  label: z.string(),
  cell: LocationSchema,
});

export const CheckSchema = z.object({
  rule: z.string(),
  kind: z.enum(['sum', 'at-most']),
  strength: z.enum(['official', 'structural', 'usual']),
  status: z.enum(['pass', 'fail', 'skipped']),
  expected: z.number().nullable(),
  actual: z.number().nullable(),
  ids: z.array(z.string()),
  cells: z.array(LocationSchema.extend({ id: z.string() })),
  reason: z.string().optional(),
  /** A failed check told in the form's words, with its numbers and cells (in the report's language). */
  message: z.string().optional(),
});

export const TableResultSchema = z.object({
  form: z.string(),
  table: z.string(),
  location: z.object({
    index: z.number().int().nonnegative(),
    sheet: z.string().nullable(),
    line: z.number().int().positive().nullable(),
    /** PDF: the page the table starts on. */
    page: z.number().int().positive().optional(),
  }),
  /** The local variant of the form the table follows (sh2007, fj2013 …), or null for the form as prescribed. */
  variant: z.string().nullable(),
  /**
   * The value column the indicators were read from: its header as printed, and what it holds — the report
   * year's figures, or a running total (历年累计, 本年累计), which is never the year's figure.
   */
  column: z.object({ col: z.number().int().nonnegative().nullable(), label: z.string().nullable(), kind: z.enum(['year', 'cumulative', 'other']) }),
  indicators: z.array(IndicatorValueSchema),
  /** Subtotals the form does not print (不予公开 = Σ 1–8 …), computed from printed cells; never mixed with them. */
  virtual: z.array(z.object({ id: z.string(), value: z.number(), unit: z.string().nullable(), from: z.array(z.string()) })),
  checks: z.array(CheckSchema),
  diagnostics: z.array(DiagnosticSchema),
});

const ProseIndicatorSchema = z.object({
  id: z.string(),
  value: z.number(),
  unit: z.string().nullable(),
  text: z.string(),
  span: z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]),
});

export const ReportResultSchema = z.object({
  /** The input as named on the command line; for an aggregate, the list of inputs. */
  source: z.union([z.string(), z.array(z.string())]).nullable(),
  input: z.object({ kind: z.enum(['text', 'html', 'xlsx', 'xls', 'ods', 'csv', 'docx', 'pdf', 'unknown']), encoding: z.string() }),
  meta: z.object({
    title: z.string().nullable(),
    agency: z.string().nullable(),
    year: z.number().int().nullable(),
    /** Publication or signature date, YYYY-MM-DD. */
    date: z.string().nullable(),
  }),
  tables: z.array(TableResultSchema),
  prose: z.object({
    form: z.string().nullable(),
    indicators: z.array(ProseIndicatorSchema),
    checks: z.array(z.object({ rule: z.string(), status: z.enum(['pass', 'fail']), expected: z.number(), actual: z.number(), ids: z.array(z.string()) })),
  }),
  diagnostics: z.array(DiagnosticSchema),
  /** Present on the output of `aggregate`: every input and the checks it failed. */
  aggregate: z
    .object({
      inputs: z.array(z.object({ source: z.string(), agency: z.string().nullable(), form: z.string().nullable(), tables: z.number().int(), failed: z.array(z.string()) })),
    })
    .optional(),
});

export type ReportResult = z.infer<typeof ReportResultSchema>;
export type TableResult = z.infer<typeof TableResultSchema>;
