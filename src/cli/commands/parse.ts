// `zfxxgk parse` and `zfxxgk check`: each file (or standard input, `-`) in
// turn, data on standard output or in --out, diagnostics on standard error.

import { ParseError } from '../../core/diagnostics.js';
import { loadLibraries } from '../../core/libraries.js';
import { formatDocuments, OUTPUT_FORMATS, type OutputFormat } from '../../output/formats.js';
import type { ReportResult } from '../../output/schema.js';
import { DEFAULT_LIMITS } from '../../options.js';
import { parseTrustedAsync } from '../../pipeline.js';
import { type Context, EXIT, fileErrorOf, flag, reportFileError, reportProblem, UsageError } from '../context.js';
import { readInputFile, readStream, refuseOverwrite, writeAtomic } from '../io.js';
import { useNodeRuntime } from '../runtime.js';

const EXTENSION_FORMATS: Record<string, OutputFormat> = { '.json': 'json', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.csv': 'csv' };

/** The output format: --format, or the extension of --out; the two must agree. */
function outputFormat(ctx: Context): OutputFormat {
  const given = flag(ctx, 'format') as OutputFormat | undefined;
  if (given !== undefined && !OUTPUT_FORMATS.includes(given)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}`);
  const out = flag(ctx, 'out');
  const ext = out ? /\.[^./\\]+$/.exec(out.toLowerCase())?.[0] : undefined;
  const implied = ext ? EXTENSION_FORMATS[ext] : undefined;
  if (ctx.args.command === 'parse' && ext === '.xlsx') throw new UsageError('parse writes json, jsonl or csv; for a workbook use "zfxxgk convert FILE --out FILE.xlsx"');
  if (given && implied && given !== implied) throw new UsageError(`--format ${given} contradicts --out ${out} (a ${implied} file)`);
  return given ?? implied ?? 'json';
}

/** One input parsed in the run's language; its problems on standard error (for `check`, only the document's). */
export async function readOne(ctx: Context, file: string): Promise<ReportResult | null> {
  const name = file === '-' ? (flag(ctx, 'source') ?? '-') : file;
  try {
    const bytes = file === '-' ? await readStream(ctx.io.stdin ?? [], DEFAULT_LIMITS.maxBytes, name) : await readInputFile(file, DEFAULT_LIMITS.maxBytes);
    const encoding = flag(ctx, 'encoding');
    const doc = await parseTrustedAsync(bytes, { source: name, lang: ctx.lang, ...(encoding ? { encoding } : {}) });
    const verbose = ctx.args.flags.has('verbose');
    // `check` prints table diagnostics in its report; `parse` sends them to standard error.
    const all = ctx.args.command === 'check' ? doc.diagnostics : [...doc.diagnostics, ...doc.tables.flatMap((t) => t.diagnostics)];
    for (const d of all) if (d.severity !== 'info' || verbose) reportProblem(ctx, name, `${d.severity} ${d.code}`, d.message, d.cell?.line);
    return doc;
  } catch (e) {
    reportFileError(ctx, name, fileErrorOf(e), e instanceof ParseError ? e.location?.line : undefined);
    return null;
  }
}

/** The inputs of `parse` and `check`: at least one, standard input (-) at most once, --source only with it. */
export function checkInputs(ctx: Context, what: string): void {
  const { positionals } = ctx.args;
  if (positionals.length === 0) throw new UsageError(`${ctx.args.command} needs at least ${what} (or - for standard input)`);
  if (positionals.filter((p) => p === '-').length > 1) throw new UsageError('standard input (-) can be read only once');
  if (flag(ctx, 'source') !== undefined && !positionals.includes('-')) throw new UsageError('--source names standard input: give - among the inputs');
}

export async function parseCommand(ctx: Context): Promise<number> {
  const { args } = ctx;
  checkInputs(ctx, 'one file');
  const format = outputFormat(ctx);
  const out = flag(ctx, 'out');
  await refuseOverwrite(out, args.positionals);
  useNodeRuntime();
  // Each input loads what it is read with; the CSV writer is papaparse's.
  if (format === 'csv') await loadLibraries(['papaparse']);
  const docs: ReportResult[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    const doc = await readOne(ctx, file);
    if (doc) docs.push(doc);
    else unreadable++;
  }
  const text = formatDocuments(docs, format, args.positionals.length === 1);
  if (out) await writeAtomic(out, text);
  else ctx.io.stdout.write(text);
  return unreadable > 0 ? EXIT.unreadable : EXIT.ok;
}
