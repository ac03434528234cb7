// `zfxxgk parse` and `zfxxgk check`: each file in turn, data on standard
// output, diagnostics on standard error.

import { readFile, stat } from 'node:fs/promises';
import { ParseError } from '../../core/diagnostics.js';
import { formatCheckReport } from '../../output/check-report.js';
import { formatDocuments, OUTPUT_FORMATS, type OutputFormat } from '../../output/formats.js';
import { useZlib } from '../../extract/workbook.js';
import { DEFAULT_LIMITS, parseReportAsync } from '../../parse-report.js';
import type { ReportResult } from '../../output/schema.js';
import { EXIT, flag, reportProblem, UsageError, type Context } from '../context.js';
import { writeAtomic } from '../io.js';

async function readOne(ctx: Context, file: string): Promise<ReportResult | null> {
  let bytes: Uint8Array;
  try {
    // Refuse an oversized file before reading it into memory.
    const { size } = await stat(file);
    if (size > DEFAULT_LIMITS.maxBytes) {
      reportProblem(ctx, file, 'input-too-large', `The file has ${size} bytes, over the limit of ${DEFAULT_LIMITS.maxBytes}.`);
      return null;
    }
    bytes = await readFile(file);
  } catch (e) {
    reportProblem(ctx, file, 'file-not-found', `cannot read the file (${(e as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    return null;
  }
  try {
    const encoding = flag(ctx, 'encoding');
    const doc = await parseReportAsync(bytes, { source: file, ...(encoding ? { encoding } : {}) });
    const verbose = ctx.args.flags.has('verbose');
    // `check` prints table diagnostics in its report; `parse` sends them to standard error.
    const all = ctx.args.command === 'check' ? doc.diagnostics : [...doc.diagnostics, ...doc.tables.flatMap((t) => t.diagnostics)];
    for (const d of all) if (d.severity !== 'info' || verbose) reportProblem(ctx, file, `${d.severity} ${d.code}`, d.message, d.cell?.line);
    return doc;
  } catch (e) {
    if (e instanceof ParseError) reportProblem(ctx, file, e.code, e.message, e.location?.line);
    else reportProblem(ctx, file, 'internal-error', (e as Error).message, undefined, (e as Error).stack);
    return null;
  }
}

export async function parseCommand(ctx: Context): Promise<number> {
  const { args } = ctx;
  if (args.positionals.length === 0) throw new UsageError(`${args.command} needs at least one file`);
  const format = flag(ctx, 'format', 'json') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}`);
  // Native inflate for workbooks: SheetJS's own can loop without end on a damaged file.
  useZlib(await import('node:zlib'));
  const docs: ReportResult[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    const doc = await readOne(ctx, file);
    if (doc) docs.push(doc);
    else unreadable++;
  }
  const check = args.command === 'check';
  const text = check
    ? docs.map((d) => formatCheckReport(d, { verbose: args.flags.has('verbose') })).join('\n')
    : formatDocuments(docs, format, args.positionals.length === 1);
  const out = flag(ctx, 'out');
  if (out) await writeAtomic(out, text);
  else ctx.io.stdout.write(text);
  if (unreadable > 0) return EXIT.unreadable;
  return check && docs.some((d) => d.tables.some((t) => t.checks.some((c) => c.status === 'fail'))) ? EXIT.checkFailed : EXIT.ok;
}
