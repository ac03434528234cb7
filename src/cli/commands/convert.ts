// `zfxxgk convert <files or folders>… --out FILE`: every supported file,
// parsed on all cores, written in input order as JSON, JSONL, CSV (long
// format, UTF-8 with BOM for Excel) or a workbook (indicators, checks,
// diagnostics). Results stream to the file; one unreadable file never stops
// the run: it is listed at the end and the exit code says so.

import { EXIT, flag, reportFileError, UsageError, type Context } from '../context.js';
import { listInputs, refuseOverwrite } from '../io.js';
import { parseAll, poolOptions, type JobError } from '../pool.js';
import { Progress } from '../progress.js';
import { CONVERT_EXTENSIONS, writerFor } from '../writers.js';

export async function convertCommand(ctx: Context): Promise<number> {
  const out = flag(ctx, 'out');
  if (!out) throw new UsageError(`convert needs --out FILE (${CONVERT_EXTENSIONS.join(', ')})`);
  if (ctx.args.positionals.length === 0) throw new UsageError('convert needs files or folders to read');
  if (ctx.args.positionals.includes('-')) throw new UsageError('convert reads files and folders, not standard input: use "zfxxgk parse -"');
  const pool = poolOptions(ctx);
  const { files, missing, skipped } = await listInputs(ctx.args.positionals);
  await refuseOverwrite(out, files);
  const failures: { file: string; error: JobError }[] = missing.map((file) => ({ file, error: { code: 'file-not-found', params: { reason: 'missing' } } }));
  const writer = await writerFor(out, ctx.args.flags.has('wide'));
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
  for (const f of failures) reportFileError(ctx, f.file, f.error);
  const skippedCount = [...skipped.values()].reduce((n, l) => n + l.length, 0);
  if (skippedCount > 0) {
    const kinds = [...skipped.entries()].sort((a, b) => b[1].length - a[1].length).map(([ext, l]) => `${ext || '(no extension)'} ${l.length}`);
    ctx.io.stderr.write(`zfxxgk: convert: skipped ${skippedCount} file(s) of kinds it does not read: ${kinds.join(', ')}\n`);
  }
  const summary = [`${withTables} with tables`, `${withoutTable} without a table`, `${failures.length} unreadable`, `${skippedCount} skipped`];
  ctx.io.stderr.write(`zfxxgk: convert: ${withTables + withoutTable} of ${files.length + missing.length} file(s) converted to ${out} (${summary.join(', ')})\n`);
  return failures.length > 0 ? EXIT.unreadable : EXIT.ok;
}
