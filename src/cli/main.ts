// The command line: argument parsing and dispatch. Everything that touches
// the process (argv, streams, exit code, signals) arrives through `main`'s
// parameters or is done by bin/zfxxgk.js.

import { createRequire } from 'node:module';
import { parseArgs } from './args.js';
import { EXIT, UsageError, type CliProcess, type Context } from './context.js';

export { abortAll } from './io.js';
export { EXIT, type CliProcess } from './context.js';

const HELP = `zfxxgk — read the statistics tables of 政府信息公开工作年度报告 into checked data

Usage:
  zfxxgk parse <file>… [--format json|jsonl|csv] [--out PATH] [--encoding ENC]
  zfxxgk check <file>…                         human-readable check report; exit 3 if a check fails
  zfxxgk convert <files|folders>… --out FILE   .json .jsonl .csv (UTF-8 with BOM) or .xlsx; all cores, progress on stderr
  zfxxgk aggregate <returns|folders>… --out region.xlsx|region.json
  zfxxgk template <2014|2019|2021> --out blank.xlsx|.xls|.ods
  zfxxgk serve [--port N]                      the checking page (npm run build:web) on http://127.0.0.1:N/
  zfxxgk codes                                 list diagnostic and error codes
  zfxxgk --version | --help

Options:
  --format    json (default; an array when several files), jsonl, csv (long format)
  --out       write to PATH (atomically: a temporary file, then a rename)
  --encoding  force the text encoding (utf-8, gb18030, big5, utf-16le …)
  --timeout   seconds one file may take in convert/aggregate (default 60)
  --threads   worker threads for convert/aggregate (default: the cores available)
  --max-memory  MB of heap one worker may use in convert/aggregate (default 512)
  --verbose   also print info-level diagnostics (and skipped checks in check reports)
  --debug     print stack traces of unexpected errors

Exit codes: 0 all inputs read; 1 an input could not be read; 2 bad command line; 3 (check) a check failed.
`;

function version(): string {
  const pkg = createRequire(import.meta.url)('../../../package.json') as { version: string };
  return pkg.version;
}

// Commands load on demand: `--version` and `--help` start without the parsing library.
const COMMANDS: Record<string, (ctx: Context) => Promise<number>> = {
  parse: async (ctx) => (await import('./commands/parse.js')).parseCommand(ctx),
  check: async (ctx) => (await import('./commands/parse.js')).parseCommand(ctx),
  convert: async (ctx) => (await import('./commands/convert.js')).convertCommand(ctx),
  aggregate: async (ctx) => (await import('./commands/aggregate.js')).aggregateCommand(ctx),
  template: async (ctx) => (await import('./commands/template.js')).templateCommand(ctx),
  serve: async (ctx) => (await import('./commands/serve.js')).serveCommand(ctx),
  codes: async (ctx) => {
    const { CODES } = await import('../core/codes.js');
    for (const [code, info] of Object.entries(CODES)) ctx.io.stdout.write(`${code}\t${info.severity}\t${info.description}\n`);
    return EXIT.ok;
  },
};

export async function main(argv: string[], io: CliProcess): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('version')) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (args.flags.has('help') || args.command === null || args.command === 'help') {
      io.stdout.write(HELP);
      return args.command === null && !args.flags.has('help') ? EXIT.usage : EXIT.ok;
    }
    const command = COMMANDS[args.command];
    if (!command) throw new UsageError(`unknown command "${args.command}"`);
    return await command({ args, io });
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`zfxxgk: ${e.message}\nRun "zfxxgk --help" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr.write(`zfxxgk: internal-error: ${(e as Error).message}\n`);
    if (argv.includes('--debug')) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return EXIT.unreadable;
  }
}
