// The human-readable report of `zfxxgk check`: every table, its checks, and
// the diagnostics that matter, one line each.

import type { ReportResult } from './schema.js';

const MARK = { pass: 'ok  ', fail: 'FAIL', skipped: 'skip' } as const;

function where(cell: { row?: number; col?: number; line?: number; ref?: string; sheet?: string }): string {
  if (cell.ref) return `${cell.sheet ? `${cell.sheet}!` : ''}${cell.ref}`;
  const rc = cell.row !== undefined ? `r${cell.row}c${cell.col ?? 0}` : '';
  return cell.line !== undefined ? `line ${cell.line}${rc ? ` (${rc})` : ''}` : rc;
}

export interface CheckReportOptions {
  /** List skipped checks one by one (otherwise they are counted). */
  verbose?: boolean;
}

export function formatCheckReport(doc: ReportResult, options: CheckReportOptions = {}): string {
  const out: string[] = [];
  out.push(`${doc.source ?? '(input)'}: ${doc.tables.length} table(s)`);
  for (const d of doc.diagnostics) out.push(`  ${d.severity} ${d.code}: ${d.message}`);
  doc.tables.forEach((t, i) => {
    const failed = t.checks.filter((c) => c.status === 'fail').length;
    const skipped = t.checks.filter((c) => c.status === 'skipped');
    const col = `${t.variant ? `, variant ${t.variant}` : ''}${t.column.label !== null ? `, column ${t.column.label} (${t.column.kind})` : ''}`;
    out.push(`  table ${i + 1}: form ${t.form} (${t.table}${col}), ${t.indicators.length} indicators, ${t.checks.length} checks, ${failed} failed`);
    for (const c of t.checks) {
      if (c.status === 'skipped' && !options.verbose) continue;
      const detail = c.status === 'skipped' ? (c.reason ?? '') : `expected ${c.kind === 'at-most' ? '≤ ' : ''}${c.expected}, actual ${c.actual}`;
      const cells = c.status === 'fail' ? ` [${c.cells.map((x) => `${x.id}@${where(x)}`).join(', ')}]` : '';
      out.push(`    ${MARK[c.status]} ${c.rule} (${c.strength}): ${detail}${cells}`);
    }
    if (skipped.length > 0 && !options.verbose) out.push(`    skip ${skipped.length} check(s) whose cells are not all in the table or all blank (--verbose lists them)`);
    if (t.virtual.length > 0 && !options.verbose) out.push(`    ${t.virtual.length} virtual subtotal(s) computed (--verbose lists them)`);
    if (options.verbose) for (const v of t.virtual) out.push(`    virtual ${v.id} = ${v.value}${v.unit ? ` ${v.unit}` : ''} (computed: not a printed cell)`);
    for (const d of t.diagnostics) {
      if (d.severity === 'info' && !options.verbose) continue;
      out.push(`    ${d.severity} ${d.code}${d.cell ? ` at ${where(d.cell)}` : ''}: ${d.message}`);
    }
  });
  return `${out.join('\n')}\n`;
}
