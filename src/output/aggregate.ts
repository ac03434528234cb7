// Summing returns: many agencies' reports of the same form added up cell by
// cell into one regional return, with the total's identities evaluated and a
// record of which input failed which check. Refuses to mix forms or report
// years, and to count one agency twice unless told.

import type { Catalogue, FormEntry } from '../catalogue/index.js';
import { checkIdentities } from '../table/check.js';
import { ParseError } from '../core/diagnostics.js';
import type { IndicatorValue } from '../table/indicator-value.js';
import { paperSheets } from './paper-form.js';
import type { ReportResult, TableResult } from './schema.js';

export interface AggregateInput {
  source: string;
  agency: string | null;
  form: string | null;
  tables: number;
  failed: string[];
}

export interface AggregateOptions {
  /** Sum returns of the same 填报单位 all the same (they are listed in `sameAgency` either way). */
  allowDuplicateAgency?: boolean;
  /** The name of the summed return: its agency and the head of its title. */
  region?: string;
}

export interface Aggregate {
  form: FormEntry;
  /** Groups of inputs (by source) that name the same 填报单位. */
  sameAgency: { agency: string; sources: string[] }[];
  result: ReportResult;
  inputs: AggregateInput[];
  /** Summed value of every id (null where no input printed it). */
  values: Map<string, number | null>;
}

/** The single form a report's tables follow, or null (no table, or several forms). */
function reportForm(doc: ReportResult): string | null {
  const forms = new Set(doc.tables.map((t) => t.form));
  return forms.size === 1 ? ([...forms][0] ?? null) : null;
}

// Sums of decimals (万元) carry binary noise.
const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export function aggregateReports(docs: ReportResult[], catalogue: Catalogue, options: AggregateOptions = {}): Aggregate {
  const inputs: AggregateInput[] = docs.map((d) => ({
    source: typeof d.source === 'string' ? d.source : '(input)',
    agency: d.meta.agency,
    form: reportForm(d),
    tables: d.tables.length,
    failed: d.tables.flatMap((t) => t.checks.filter((c) => c.status === 'fail').map((c) => c.rule)),
  }));
  const forms = new Set(inputs.map((i) => i.form));
  if (forms.size !== 1 || forms.has(null)) {
    const list = inputs.map((i) => `${i.source}: ${i.form ?? (i.tables === 0 ? 'no table' : 'mixed forms')}`);
    throw new ParseError('aggregate-mixed-forms', { what: 'form', list });
  }
  const years = [...new Set(docs.map((d) => d.meta.year).filter((y) => y !== null))];
  if (years.length > 1) {
    throw new ParseError('aggregate-mixed-years', { list: docs.map((d, i) => `${inputs[i]?.source}: ${d.meta.year ?? '?'}`) });
  }
  const byAgency = new Map<string, string[]>();
  for (const i of inputs) if (i.agency) byAgency.set(i.agency, [...(byAgency.get(i.agency) ?? []), i.source]);
  const sameAgency = [...byAgency].filter(([, s]) => s.length > 1).map(([agency, sources]) => ({ agency, sources }));
  const first = sameAgency[0];
  if (first && !options.allowDuplicateAgency) throw new ParseError('aggregate-duplicate', { what: 'agency', agency: first.agency, list: first.sources });
  const formId = [...forms][0] as string;
  const form = catalogue.forms.find((f) => f.form === formId);
  if (!form) throw new ParseError('aggregate-mixed-forms', { what: 'unknown-form', form: formId });
  const values = new Map<string, number | null>();
  for (const doc of docs) {
    // A running total (历年累计) is never summed with the year's figures.
    for (const t of doc.tables.filter((x) => x.column.kind !== 'cumulative')) {
      for (const ind of t.indicators) {
        const prev = values.get(ind.id);
        if (ind.value === null) {
          if (prev === undefined) values.set(ind.id, null);
        } else values.set(ind.id, round((prev ?? 0) + ind.value));
      }
    }
  }
  const result = formReport(
    form,
    values,
    { title: `${options.region ?? ''}${form.name}（汇总）`, agency: options.region ?? null, year: years[0] ?? null },
    inputs.map((i) => i.source),
  );
  return { form, sameAgency, result, inputs, values };
}

/**
 * A return made from values by id (a sum of returns, a form filled in on the page): every table of the
 * form laid out as on paper, the cells at their places, the form's own identities evaluated.
 */
export function formReport(
  form: FormEntry,
  values: ReadonlyMap<string, number | null>,
  meta: { title: string; agency: string | null; year: number | null },
  source: string[] | string | null = null,
): ReportResult {
  const layouts = paperSheets(form);
  const tables: TableResult[] = form.tables.map((table, index) => {
    const slots = new Map((layouts[index]?.slots ?? []).map((s) => [s.id, s]));
    const indicators: IndicatorValue[] = table.indicators
      .filter((ind) => values.has(ind.id))
      .map((ind) => {
        const v = values.get(ind.id) ?? null;
        const slot = slots.get(ind.id);
        return { id: ind.id, value: v, unit: ind.unit, raw: v === null ? '' : String(v), label: ind.label, cell: slot ? { row: slot.r, col: slot.c } : {} };
      });
    // The total is the form as prescribed: the sums of no local variant.
    const identities = form.identities.filter((i) => i.variants === null);
    const { checks, virtual, diagnostics } = checkIdentities(indicators, identities, table.byId);
    const column = { col: null, label: null, kind: 'year' as const };
    return { form: form.form, table: table.table, location: { index, sheet: layouts[index]?.name ?? null, line: null }, variant: null, column, indicators, virtual, checks, diagnostics };
  });
  return {
    source,
    input: { kind: 'unknown', encoding: 'binary' },
    meta: { ...meta, date: null },
    tables: tables.filter((t) => t.indicators.length > 0),
    prose: { form: form.form, indicators: [], checks: [] },
    diagnostics: [],
  };
}
