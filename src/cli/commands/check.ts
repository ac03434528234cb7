// `zfxxgk check`: every check of each return, in the form's words. With
// `--out FILE.xlsx` the return comes back marked (failed cells red, with the
// check as a comment); with `--out FOLDER/` (or several inputs) a marked
// return per input and a summary workbook. Exit 3 when a check fails, 4 when
// nothing could be checked (no table, or no numbers), 1 when a file is unreadable.

import { mkdir, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { defaultCatalogue } from '../../catalogue/index.js';
import { checkSummary, formatCheckReport, nothingChecked } from '../../output/check-report.js';
import { markedReturn } from '../../output/marked-return.js';
import type { ReportResult } from '../../output/schema.js';
import { tablesWorkbook, workbookBytes } from '../../output/workbook.js';
import { wordsOf } from '../../core/messages.js';
import { type Context, EXIT, flag, reportFileError, UsageError } from '../context.js';
import { listInputs, refuseOverwrite, writeAtomic } from '../io.js';
import { useNodeRuntime } from '../runtime.js';
import { checkInputs, readOne } from './parse.js';

interface Checked {
  file: string;
  doc: ReportResult | null;
}

/** Where the results go: standard output, one text file, one marked workbook, or a folder of them. */
async function outputKind(out: string | undefined, inputs: string[], folders: boolean): Promise<'stdout' | 'text' | 'marked' | 'folder'> {
  if (out === undefined) return 'stdout';
  const isDir = await stat(out).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (isDir || /[\\/]$/.test(out)) return 'folder';
  if (/\.xlsx$/i.test(out)) {
    if (inputs.length > 1 || folders) throw new UsageError('a marked return (--out FILE.xlsx) is made from one input; for several, give --out FOLDER/');
    return 'marked';
  }
  return 'text';
}

/** A name for each input's marked return, unique in the folder: return.xlsx → return.checked.xlsx. */
function markedNames(files: string[]): string[] {
  const used = new Set<string>();
  return files.map((f) => {
    const base = f === '-' ? 'stdin' : basename(f, extname(f));
    let name = `${base}.checked.xlsx`;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base}-${i}.checked.xlsx`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function checkCommand(ctx: Context): Promise<number> {
  const { args } = ctx;
  checkInputs(ctx, 'one file or folder');
  const named = args.positionals.filter((p) => p !== '-');
  const listed = await listInputs(named);
  const folders = listed.files.length !== named.length - listed.missing.length || listed.skipped.size > 0;
  const files = [...(args.positionals.includes('-') ? ['-'] : []), ...listed.files];
  const out = flag(ctx, 'out');
  const kind = await outputKind(out, files, folders);
  await refuseOverwrite(kind === 'folder' ? undefined : out, files);
  useNodeRuntime();
  for (const m of listed.missing) reportFileError(ctx, m, { code: 'file-not-found', params: { reason: 'missing' } });
  const results: Checked[] = [];
  for (const file of files) results.push({ file, doc: await readOne(ctx, file) });
  const docs = results.flatMap((r) => (r.doc ? [r.doc] : []));
  const catalogue = defaultCatalogue();
  const verbose = args.flags.has('verbose');
  const failed = docs.filter((d) => d.tables.some((t) => t.checks.some((c) => c.status === 'fail'))).length;
  const nothing = docs.filter((d) => nothingChecked(d) !== null).length;
  const total = results.length + listed.missing.length;
  const unreadable = total - docs.length;
  const report = docs.map((d) => formatCheckReport(d, { verbose, lang: ctx.lang })).join('\n');
  const summary = checkSummary(total, failed, nothing, unreadable, ctx.lang);
  if (kind === 'stdout' || kind === 'text') {
    // One file needs no closing count.
    const text = `${report}${total > 1 ? `\n${summary}` : ''}`;
    if (kind === 'stdout') ctx.io.stdout.write(text);
    else await writeAtomic(out as string, text);
  } else if (kind === 'marked') {
    const doc = docs[0];
    if (doc) await writeAtomic(out as string, await markedReturn(doc, catalogue, ctx.lang));
    ctx.io.stdout.write(report);
  } else {
    const dir = out as string;
    await mkdir(dir, { recursive: true });
    const names = markedNames(results.map((r) => r.file));
    const w = wordsOf(ctx.lang).mark;
    const rows: (string | number | null)[][] = [[...w.summaryHeader]];
    for (const [i, r] of results.entries()) {
      const name = names[i] as string;
      if (r.doc) await writeAtomic(join(dir, name), await markedReturn(r.doc, catalogue, ctx.lang));
      const fails = r.doc ? r.doc.tables.reduce((n, t) => n + t.checks.filter((c) => c.status === 'fail').length, 0) : null;
      const result = !r.doc ? w.result.unreadable : fails ? w.result.failed : nothingChecked(r.doc) ? w.result.nothing : w.result.passed;
      rows.push([r.file, r.doc?.meta.agency ?? null, r.doc?.tables[0]?.form ?? null, fails, result, r.doc ? name : null]);
    }
    for (const m of listed.missing) rows.push([m, null, null, null, w.result.unreadable, null]);
    await writeAtomic(join(dir, ctx.lang === 'zh' ? '汇总.xlsx' : 'summary.xlsx'), workbookBytes(tablesWorkbook([{ name: w.summarySheet, rows }])));
    ctx.io.stdout.write(`${report}\n${summary}`);
  }
  if (unreadable > 0) return EXIT.unreadable;
  if (failed > 0) return EXIT.checkFailed;
  return nothing > 0 ? EXIT.nothingChecked : EXIT.ok;
}
