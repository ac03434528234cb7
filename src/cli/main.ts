// The command line. Everything that touches the process (argv, streams,
// exit code) arrives through `main`'s parameters; bin/zfxxgk.js passes them.

import { readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, basename, join } from 'node:path';
import { CODES } from '../codes.js';
import { ParseError } from '../diagnostics.js';
import { formatCheckReport } from '../format/check-report.js';
import { formatDocuments, OUTPUT_FORMATS, type OutputFormat } from '../format/index.js';
import { parseReportAsync } from '../parse-report.js';
import type { ReportResult } from '../schema.js';
import { parseArgs, UsageError, type ParsedArgs } from './args.js';

export interface CliProcess {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export const EXIT = { ok: 0, unreadable: 1, usage: 2, checkFailed: 3 } as const;

const HELP = `zfxxgk — read the statistics tables of 政府信息公开工作年度报告 into checked data

Usage:
  zfxxgk parse <file>… [--format json|jsonl|csv] [--out PATH] [--encoding ENC]
  zfxxgk check <file>…          human-readable check report; exit 3 if a check fails
  zfxxgk codes                  list diagnostic and error codes
  zfxxgk --version | --help

Options:
  --format    json (default; an array when several files), jsonl, csv (long format)
  --out       write the output to PATH (atomically) instead of standard output
  --encoding  force the text encoding (utf-8, gb18030, big5, utf-16le …)
  --verbose   also print info-level diagnostics to standard error
  --debug     print stack traces of unexpected errors

Exit codes: 0 all inputs read; 1 an input could not be read; 2 bad command line; 3 (check) a check failed.
`;

function version(): string {
  const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
  return pkg.version;
}

interface FileOutcome {
  doc: ReportResult | null;
}

async function readOne(file: string, args: ParsedArgs, io: CliProcess): Promise<FileOutcome> {
  const debug = args.flags.has('debug');
  const encoding = args.flags.get('encoding');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    io.stderr.write(`zfxxgk: ${file}: file-not-found: cannot read the file (${reason})\n`);
    return { doc: null };
  }
  try {
    const doc = await parseReportAsync(bytes, { source: file, ...(typeof encoding === 'string' ? { encoding } : {}) });
    const verbose = args.flags.has('verbose');
    // `check` prints table diagnostics in its report; `parse` sends them to standard error.
    const all = args.command === 'check' ? doc.diagnostics : [...doc.diagnostics, ...doc.tables.flatMap((t) => t.diagnostics)];
    for (const d of all) {
      if (d.severity === 'info' && !verbose) continue;
      const at = d.cell?.line !== undefined ? `:${d.cell.line}` : '';
      io.stderr.write(`zfxxgk: ${file}${at}: ${d.severity} ${d.code}: ${d.message}\n`);
    }
    return { doc };
  } catch (e) {
    if (e instanceof ParseError) {
      const at = e.location?.line !== undefined ? `:${e.location.line}` : '';
      io.stderr.write(`zfxxgk: ${file}${at}: ${e.code}: ${e.message}\n`);
    } else {
      io.stderr.write(`zfxxgk: ${file}: internal-error: ${(e as Error).message}\n`);
      if (debug) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    }
    return { doc: null };
  }
}

/** Write a file through a temporary sibling and a rename, so no half-written file is ever left. */
async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${Date.now()}.${Math.random().toString(36).slice(2)}.tmp`);
  await writeFile(tmp, text);
  await rename(tmp, path);
}

async function run(args: ParsedArgs, io: CliProcess): Promise<number> {
  if (args.flags.has('version')) {
    io.stdout.write(`${version()}\n`);
    return EXIT.ok;
  }
  if (args.flags.has('help') || args.command === null || args.command === 'help') {
    io.stdout.write(HELP);
    return args.command === null && !args.flags.has('help') ? EXIT.usage : EXIT.ok;
  }
  if (args.command === 'codes') {
    for (const [code, info] of Object.entries(CODES)) io.stdout.write(`${code}\t${info.severity}\t${info.description}\n`);
    return EXIT.ok;
  }
  if (args.command !== 'parse' && args.command !== 'check') throw new UsageError(`unknown command "${args.command}"`);
  if (args.positionals.length === 0) throw new UsageError(`${args.command} needs at least one file`);
  const format = args.flags.get('format') ?? 'json';
  if (!OUTPUT_FORMATS.includes(format as OutputFormat)) throw new UsageError(`--format must be one of ${OUTPUT_FORMATS.join(', ')}`);

  const docs: ReportResult[] = [];
  let unreadable = 0;
  for (const file of args.positionals) {
    const { doc } = await readOne(file, args, io);
    if (doc) docs.push(doc);
    else unreadable++;
  }
  let text: string;
  let failed = false;
  if (args.command === 'check') {
    text = docs.map((d) => formatCheckReport(d, { verbose: args.flags.has('verbose') })).join('\n');
    failed = docs.some((d) => d.tables.some((t) => t.checks.some((c) => c.status === 'fail')));
  } else {
    text = formatDocuments(docs, format as OutputFormat, args.positionals.length === 1);
  }
  const out = args.flags.get('out');
  if (typeof out === 'string') await writeAtomic(out, text);
  else io.stdout.write(text);
  if (unreadable > 0) return EXIT.unreadable;
  return failed ? EXIT.checkFailed : EXIT.ok;
}

export async function main(argv: string[], io: CliProcess): Promise<number> {
  try {
    return await run(parseArgs(argv), io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`zfxxgk: ${e.message}\nRun "zfxxgk --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr.write(`zfxxgk: internal-error: ${(e as Error).message}\n`);
    return EXIT.unreadable;
  }
}
