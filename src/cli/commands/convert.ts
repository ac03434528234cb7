// `zfxxgk convert <files or folders>… --out FILE`: every supported file,
// parsed on all cores, written in input order as JSON, JSONL, CSV (long
// format, UTF-8 with BOM for Excel) or a workbook (indicators, checks,
// diagnostics). Results stream to the file; one unreadable file never stops
// the run: it is listed at the end and the exit code says so.

import { CHECK_HEADER, CSV_HEADER, DIAGNOSTIC_HEADER, csvLines, toCheckRows, toCsvRows, toDiagnosticRows } from '../../output/formats.js';
import { tablesWorkbook, workbookBytes } from '../../output/workbook.js';
import type { ReportResult } from '../../output/schema.js';
import { EXIT, flag, reportProblem, UsageError, type Context } from '../context.js';
import { AtomicFile, listInputs, refuseOverwrite } from '../io.js';
import { parseAll, poolOptions, type JobError } from '../pool.js';
import { Progress } from '../progress.js';

interface Writer {
  /** One document, as the JSON text a worker made of it. */
  add(json: string): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

type Row = (string | number | null)[];

async function writerFor(out: string): Promise<Writer> {
  const lower = out.toLowerCase();
  const kind = ['.jsonl', '.json', '.csv', '.xlsx'].find((e) => lower.endsWith(e));
  if (!kind) throw new UsageError('--out must end in .json, .jsonl, .csv or .xlsx');
  const file = await AtomicFile.create(out);
  if (kind === '.xlsx') {
    // A workbook cannot be streamed: its rows are kept until the end.
    const sheets = { indicators: [[...CSV_HEADER]] as Row[], checks: [[...CHECK_HEADER]] as Row[], diagnostics: [[...DIAGNOSTIC_HEADER]] as Row[] };
    return {
      add: async (json) => {
        const doc = JSON.parse(json) as ReportResult;
        sheets.indicators.push(...toCsvRows(doc));
        sheets.checks.push(...toCheckRows(doc));
        sheets.diagnostics.push(...toDiagnosticRows(doc));
      },
      commit: async () => {
        await file.write(workbookBytes(tablesWorkbook(Object.entries(sheets).map(([name, rows]) => ({ name, rows })))));
        await file.commit();
      },
      abort: () => file.abort(),
    };
  }
  let first = true;
  if (kind === '.json') await file.write('[\n');
  if (kind === '.csv') await file.write(`\uFEFF${csvLines([[...CSV_HEADER]])}`);
  return {
    add: async (json) => {
      if (kind === '.json') await file.write(`${first ? '' : ',\n'}${json}`);
      else if (kind === '.jsonl') await file.write(`${json}\n`);
      else await file.write(csvLines(toCsvRows(JSON.parse(json) as ReportResult)));
      first = false;
    },
    commit: async () => {
      if (kind === '.json') await file.write('\n]\n');
      await file.commit();
    },
    abort: () => file.abort(),
  };
}

export async function convertCommand(ctx: Context): Promise<number> {
  const out = flag(ctx, 'out');
  if (!out) throw new UsageError('convert needs --out FILE (.json, .jsonl, .csv or .xlsx)');
  if (ctx.args.positionals.length === 0) throw new UsageError('convert needs files or folders to read');
  if (ctx.args.positionals.includes('-')) throw new UsageError('convert reads files and folders, not standard input: use "zfxxgk parse -"');
  const pool = poolOptions(ctx);
  const { files, missing, skipped } = await listInputs(ctx.args.positionals);
  await refuseOverwrite(out, files);
  const failures: { file: string; error: JobError }[] = missing.map((file) => ({ file, error: { code: 'file-not-found', message: 'no such file or folder' } }));
  const writer = await writerFor(out);
  const progress = new Progress(ctx.io.stderr, files.length, 'convert');
  let withTables = 0;
  let withoutTable = 0;
  try {
    for await (const r of parseAll(files, pool)) {
      if ('json' in r) {
        await writer.add(r.json);
        if (r.tables > 0) withTables++;
        else withoutTable++;
      } else failures.push({ file: files[r.index] as string, error: r.error });
      progress.tick('error' in r);
    }
    await writer.commit();
  } catch (e) {
    await writer.abort();
    throw e;
  }
  for (const f of failures) reportProblem(ctx, f.file, f.error.code, f.error.message, undefined, f.error.stack);
  const skippedCount = [...skipped.values()].reduce((n, l) => n + l.length, 0);
  if (skippedCount > 0) {
    const kinds = [...skipped.entries()].sort((a, b) => b[1].length - a[1].length).map(([ext, l]) => `${ext || '(no extension)'} ${l.length}`);
    ctx.io.stderr.write(`zfxxgk: convert: skipped ${skippedCount} file(s) of kinds it does not read: ${kinds.join(', ')}\n`);
  }
  const summary = [`${withTables} with tables`, `${withoutTable} without a table`, `${failures.length} unreadable`, `${skippedCount} skipped`];
  ctx.io.stderr.write(`zfxxgk: convert: ${withTables + withoutTable} of ${files.length + missing.length} file(s) converted to ${out} (${summary.join(', ')})\n`);
  return failures.length > 0 ? EXIT.unreadable : EXIT.ok;
}
