// `zfxxgk compare <reports>…`: one agency's reports across years, the
// continuity of consecutive years checked (carry-over strict, documents in
// force plausible), every shared indicator side by side. Exit 3 only when a
// strict continuity check fails.

import { defaultCatalogue } from '../../catalogue/index.js';
import { type Comparison, compareReports } from '../../output/compare.js';
import { csvLines, sourceName } from '../../output/formats.js';
import type { ReportResult } from '../../output/schema.js';
import { tablesWorkbook, workbookBytes } from '../../output/workbook.js';
import { parseTrustedAsync } from '../../pipeline.js';
import { type Context, EXIT, fileErrorOf, flag, reportFileError, UsageError } from '../context.js';
import { listInputs, readInputFile, refuseOverwrite, writeAtomic } from '../io.js';
import { useNodeRuntime } from '../runtime.js';
import { DEFAULT_LIMITS } from '../../options.js';

const FORMATS = ['text', 'json', 'csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];

const clean = (s: string | null): string => (s ?? '').replace(/\s+/g, '');

function text(c: Comparison, agency: string): string {
  const years = c.reports.map((r) => r.year);
  const lines = [`${agency || '(agency not named)'}: ${c.reports.length} reports, ${c.reports.map((r) => `${r.year} (form ${r.forms.join('+')})`).join(', ')}`];
  for (const f of c.formChanges) lines.push(`form change: ${f.from.year} (form ${f.from.forms.join('+')}) → ${f.to.year} (form ${f.to.forms.join('+')}); only indicators both forms have are compared`);
  lines.push('', 'continuity:');
  for (const k of c.checks) {
    const mark = k.status === 'pass' ? 'ok  ' : k.status === 'skipped' ? 'skip' : k.strength === 'strict' ? 'FAIL' : 'warn';
    const detail = k.status === 'skipped' ? k.reason : `expected ${k.expected}, actual ${k.actual}`;
    lines.push(`  ${mark} ${k.rule} ${k.years[0]}→${k.years[1]} (${k.strength}): ${detail}`);
  }
  const width = Math.max(10, ...c.indicators.map((i) => i.id.length));
  lines.push('', `${'indicator'.padEnd(width)}  ${years.map((y) => String(y).padStart(8)).join('')}  ${'change'.padStart(8)}  label`);
  for (const i of c.indicators) lines.push(`${i.id.padEnd(width)}  ${i.values.map((v) => String(v ?? '—').padStart(8)).join('')}  ${String(i.change ?? '—').padStart(8)}  ${i.label ?? ''}`);
  return `${lines.join('\n')}\n`;
}

function rows(c: Comparison): { indicators: (string | number | null)[][]; checks: (string | number | null)[][] } {
  const years = c.reports.map((r) => String(r.year));
  return {
    indicators: [['id', 'label', ...years, 'change'], ...c.indicators.map((i) => [i.id, i.label, ...i.values, i.change])],
    checks: [
      ['rule', 'strength', 'status', 'from', 'to', 'expected', 'actual', 'cells', 'reason'],
      ...c.checks.map((k) => [k.rule, k.strength, k.status, k.years[0], k.years[1], k.expected, k.actual, k.cells.map((x) => `${x.id}@${x.year}`).join(' '), k.reason ?? null]),
    ],
  };
}

export async function compareCommand(ctx: Context): Promise<number> {
  const format = (flag(ctx, 'format') ?? (flag(ctx, 'out')?.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'text')) as Format;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  const out = flag(ctx, 'out');
  if (format === 'xlsx' && !out) throw new UsageError('--format xlsx needs --out FILE.xlsx');
  const { files, missing } = await listInputs(ctx.args.positionals);
  if (files.length + missing.length < 2) throw new UsageError('compare needs the reports of at least two years');
  await refuseOverwrite(out, files);
  useNodeRuntime();
  let unreadable = missing.length;
  for (const m of missing) reportFileError(ctx, m, { code: 'file-not-found', params: { reason: 'missing' } });
  const docs: ReportResult[] = [];
  for (const file of files) {
    try {
      const doc = await parseTrustedAsync(await readInputFile(file, DEFAULT_LIMITS.maxBytes), { source: file });
      // A report whose year the text does not state is left out, never placed by guess.
      if (doc.meta.year === null) {
        reportFileError(ctx, file, { code: 'compare-year-unknown', params: {} });
        unreadable++;
      } else docs.push(doc);
    } catch (e) {
      unreadable++;
      reportFileError(ctx, file, fileErrorOf(e));
    }
  }
  const byYear = new Map<number, ReportResult[]>();
  for (const d of docs) byYear.set(d.meta.year as number, [...(byYear.get(d.meta.year as number) ?? []), d]);
  for (const [year, list] of byYear) {
    if (list.length > 1) {
      reportFileError(ctx, 'compare', { code: 'compare-same-year', params: { count: list.length, year, list: list.map((d) => sourceName(d) ?? '(input)') } });
      return EXIT.unreadable;
    }
  }
  const agencies = [...new Set(docs.map((d) => clean(d.meta.agency)).filter((a) => a !== ''))];
  if (agencies.length > 1 && !ctx.args.flags.has('any-agency')) {
    reportFileError(ctx, 'compare', { code: 'compare-agencies', params: { agencies } });
    return EXIT.unreadable;
  }
  if (docs.length < 2) {
    reportFileError(ctx, 'compare', { code: 'compare-year-unknown', params: { what: 'few' } });
    return EXIT.unreadable;
  }
  const c = compareReports(docs, defaultCatalogue());
  let body: string | Uint8Array;
  if (format === 'json') body = `${JSON.stringify(c, null, 2)}\n`;
  else if (format === 'csv') body = `\uFEFF${csvLines(rows(c).indicators)}`;
  else if (format === 'xlsx') {
    const r = rows(c);
    body = workbookBytes(
      tablesWorkbook([
        { name: 'indicators', rows: r.indicators },
        { name: 'continuity', rows: r.checks },
      ]),
    );
  } else body = text(c, agencies[0] ?? '');
  if (out) await writeAtomic(out, body);
  else ctx.io.stdout.write(typeof body === 'string' ? body : Buffer.from(body).toString('utf8'));
  if (unreadable > 0) return EXIT.unreadable;
  return c.checks.some((k) => k.strength === 'strict' && k.status === 'fail') ? EXIT.checkFailed : EXIT.ok;
}
