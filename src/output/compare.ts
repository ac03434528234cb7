// One agency's reports across years: ordered by report year, each pair of
// consecutive years checked against the continuity rules of templates/
// (carry-over strict, documents in force plausible), every indicator the
// years share set side by side with its change.

import type { Catalogue } from '../catalogue/index.js';
import { catalogueLabel, sourceName } from './formats.js';
import type { ReportResult } from './schema.js';

export interface ComparedReport {
  source: string | null;
  year: number;
  agency: string | null;
  forms: string[];
}

export interface ContinuityCheck {
  rule: string;
  description: string;
  strength: 'strict' | 'plausibility';
  status: 'pass' | 'fail' | 'skipped';
  years: [number, number];
  expected: number | null;
  actual: number | null;
  /** Every cell the rule reads, in the report it is read from. */
  cells: { source: string | null; year: number; id: string; cell: ReportResult['tables'][number]['indicators'][number]['cell'] | null }[];
  reason?: string;
}

export interface Comparison {
  reports: ComparedReport[];
  /** A report year's form differs from the year before. */
  formChanges: { from: { year: number; forms: string[] }; to: { year: number; forms: string[] } }[];
  checks: ContinuityCheck[];
  indicators: { id: string; label: string | null; values: (number | null)[]; change: number | null }[];
}

/** The year's figures of a report (a running total column is never one), by id. */
function yearValues(doc: ReportResult): Map<string, { value: number | null; cell: ReportResult['tables'][number]['indicators'][number]['cell']; form: string }> {
  const out = new Map<string, { value: number | null; cell: ReportResult['tables'][number]['indicators'][number]['cell']; form: string }>();
  for (const t of doc.tables.filter((x) => x.column.kind !== 'cumulative')) for (const i of t.indicators) if (!out.has(i.id)) out.set(i.id, { value: i.value, cell: i.cell, form: t.form });
  return out;
}

const forms = (doc: ReportResult): string[] => [...new Set(doc.tables.map((t) => t.form))].sort();

/** Compare reports of one agency (already told apart by year: no two of one year, none without one). */
export function compareReports(docs: ReportResult[], catalogue: Catalogue): Comparison {
  const ordered = [...docs].sort((a, b) => (a.meta.year ?? 0) - (b.meta.year ?? 0));
  const values = ordered.map(yearValues);
  const reports = ordered.map((d) => ({ source: sourceName(d), year: d.meta.year as number, agency: d.meta.agency, forms: forms(d) }));
  const formChanges: Comparison['formChanges'] = [];
  const checks: ContinuityCheck[] = [];
  for (let k = 1; k < ordered.length; k++) {
    const [prev, cur] = [reports[k - 1] as ComparedReport, reports[k] as ComparedReport];
    if (prev.forms.join() !== cur.forms.join()) formChanges.push({ from: { year: prev.year, forms: prev.forms }, to: { year: cur.year, forms: cur.forms } });
    const pick = (year: 'current' | 'previous') => (year === 'current' ? { map: values[k], report: cur } : { map: values[k - 1], report: prev });
    for (const rule of catalogue.continuity) {
      if (!rule.forms.some((f) => prev.forms.includes(f)) || !rule.forms.some((f) => cur.forms.includes(f))) continue;
      const terms = [...rule.left, ...rule.right];
      const read = terms.map((t) => ({ t, v: pick(t.year).map?.get(t.id), report: pick(t.year).report }));
      const cells = read.map(({ t, v, report }) => ({ source: report.source, year: report.year, id: t.id, cell: v?.cell ?? null }));
      const base = { rule: rule.rule, description: rule.description, strength: rule.strength, years: [prev.year, cur.year] as [number, number], cells };
      const missing = read.filter((r) => r.v === undefined).map((r) => `${r.t.id} (${r.report.year})`);
      if (missing.length > 0) {
        checks.push({ ...base, status: 'skipped', expected: null, actual: null, reason: `not printed: ${missing.join(', ')}` });
        continue;
      }
      if (read.every((r) => r.v?.value === null)) {
        checks.push({ ...base, status: 'skipped', expected: null, actual: null, reason: 'every cell is blank' });
        continue;
      }
      const sum = (side: typeof read): number => Math.round(side.reduce((s, r) => s + r.t.sign * (r.v?.value ?? 0), 0) * 1e6) / 1e6;
      const actual = sum(read.slice(0, rule.left.length));
      const expected = sum(read.slice(rule.left.length));
      checks.push({ ...base, status: actual === expected ? 'pass' : 'fail', expected, actual });
    }
  }
  // Indicators every year prints, side by side; an id of another form in some years is left out.
  const shared = [...(values[0]?.keys() ?? [])].filter((id) => values.every((m) => m.has(id)));
  const indicators = shared.map((id) => {
    const vs = values.map((m) => m.get(id)?.value ?? null);
    const [a, b] = [vs.at(-2), vs.at(-1)];
    return {
      id,
      label: catalogueLabel(catalogue, values.at(-1)?.get(id)?.form ?? '', id),
      values: vs,
      change: a === undefined || a === null || b === undefined || b === null ? null : Math.round((b - a) * 1e6) / 1e6,
    };
  });
  return { reports, formChanges, checks, indicators };
}
