// The human-readable report of `zfxxgk check`: every table, its checks (a
// failed one told in the form's words), and the diagnostics that matter, one
// line each, in the run's language.

import { type Language, wordsOf } from '../core/messages.js';
import type { ReportResult } from './schema.js';
import { placeName } from './wording.js';

export interface CheckReportOptions {
  /** List skipped checks one by one (otherwise they are counted). */
  verbose?: boolean;
  lang?: Language;
}

/** Why nothing was checked in a report, or null when some check passed or failed. */
export function nothingChecked(doc: ReportResult): 'no-table' | 'no-number' | null {
  if (doc.tables.length === 0) return 'no-table';
  return doc.tables.some((t) => t.checks.some((c) => c.status !== 'skipped')) ? null : 'no-number';
}

export function formatCheckReport(doc: ReportResult, options: CheckReportOptions = {}): string {
  const lang = options.lang ?? 'en';
  const w = wordsOf(lang).report;
  const out: string[] = [];
  out.push(w.tables(doc.source === null ? '(input)' : String(doc.source), doc.tables.length));
  for (const d of doc.diagnostics) out.push(`  ${d.severity} ${d.code}: ${d.message}`);
  doc.tables.forEach((t, i) => {
    const failed = t.checks.filter((c) => c.status === 'fail').length;
    const skipped = t.checks.filter((c) => c.status === 'skipped');
    const col = `${t.variant ? w.variant(t.variant) : ''}${t.column.label !== null ? w.column(t.column.label, t.column.kind) : ''}`;
    out.push(`  ${w.table(i + 1, t.form, t.table, col, t.indicators.length, t.checks.length, failed)}`);
    for (const c of t.checks) {
      if (c.status === 'skipped' && !options.verbose) continue;
      const head = `    ${w.mark[c.status]} ${c.rule} (${w.strength[c.strength]}): `;
      if (c.status === 'skipped') out.push(`${head}${c.reason ?? ''}`);
      else if (c.status === 'pass') out.push(`${head}${c.kind === 'at-most' ? '≤ ' : ''}${c.expected}`);
      else if (lang === 'zh') out.push(`${head}${c.message ?? ''}`);
      else {
        const cells = c.cells.map((x) => `${x.id}@${placeName(x, 'en')}`).join(', ');
        out.push(`${head}expected ${c.kind === 'at-most' ? '≤ ' : ''}${c.expected}, actual ${c.actual} [${cells}]`);
        if (c.message) out.push(`         ${c.message}`);
      }
    }
    if (skipped.length > 0 && !options.verbose) out.push(`    ${w.skippedCount(skipped.length)}`);
    if (t.virtual.length > 0 && !options.verbose) out.push(`    ${w.virtualCount(t.virtual.length)}`);
    if (options.verbose) for (const v of t.virtual) out.push(`    ${w.virtual(v.id, `${v.value}${v.unit ? ` ${v.unit}` : ''}`)}`);
    for (const d of t.diagnostics) {
      if (d.severity === 'info' && !options.verbose) continue;
      const place = d.cell ? placeName(d.cell, lang) : '';
      out.push(`    ${d.severity} ${d.code}${place ? w.at(place) : ''}: ${d.message}`);
    }
  });
  const nothing = nothingChecked(doc);
  if (nothing) out.push(`  ${w.nothing[nothing]}`);
  return `${out.join('\n')}\n`;
}

/** The closing line of a check of several files. */
export function checkSummary(files: number, failed: number, nothing: number, unreadable: number, lang: Language = 'en'): string {
  return `${wordsOf(lang).report.summary(files, failed, nothing, unreadable)}\n`;
}
