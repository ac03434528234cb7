// The command line: argument parsing and dispatch. Everything that touches
// the process (argv, streams, exit code, signals) arrives through `main`'s
// parameters or is done by bin/zfxxgk.js.

import { readFileSync } from 'node:fs';
import { packageFile } from './paths.js';
import { parseArgs } from './args.js';
import { type CliProcess, type Context, EXIT, printable, UsageError } from './context.js';
import { COMMAND_SPECS, commandHelp, mainHelp } from './spec.js';
import { LANGUAGES, type Language, languageOf } from '../core/messages.js';

export { EXIT, type CliProcess } from './context.js';
export { abortAll } from './io.js';
import { OutputError } from './io.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** A command that may read and write any kind of file: every library loaded first (parse loads what each input needs). */
const full =
  (run: (ctx: Context) => Promise<number>) =>
  async (ctx: Context): Promise<number> => {
    const { ALL_LIBRARIES, loadLibraries } = await import('../core/libraries.js');
    await loadLibraries(ALL_LIBRARIES);
    return run(ctx);
  };

// Commands load on demand: `--version` and `--help` start without the parsing library.
const COMMANDS: Record<string, (ctx: Context) => Promise<number>> = {
  parse: async (ctx) => (await import('./commands/parse.js')).parseCommand(ctx),
  check: full(async (ctx) => (await import('./commands/check.js')).checkCommand(ctx)),
  convert: full(async (ctx) => (await import('./commands/convert.js')).convertCommand(ctx)),
  aggregate: full(async (ctx) => (await import('./commands/aggregate.js')).aggregateCommand(ctx)),
  template: full(async (ctx) => (await import('./commands/template.js')).templateCommand(ctx)),
  serve: async (ctx) => (await import('./commands/serve.js')).serveCommand(ctx),
  compare: full(async (ctx) => (await import('./commands/compare.js')).compareCommand(ctx)),
  catalogue: full(async (ctx) => (await import('./commands/catalogue.js')).catalogueCommand(ctx)),
  codes: async (ctx) => {
    const { CODES } = await import('../core/codes.js');
    for (const [code, info] of Object.entries(CODES)) ctx.io.stdout.write(`${code}\t${info.severity}\t${info.description}\n`);
    return EXIT.ok;
  },
};

/** --lang, else the locale (LC_ALL, LC_MESSAGES, LANG, as POSIX orders them), else English. */
function languageFor(given: string | undefined, env: Readonly<Record<string, string | undefined>>): Language {
  if (given !== undefined) {
    if (!(LANGUAGES as readonly string[]).includes(given)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(', ')}`);
    return given as Language;
  }
  return languageOf(env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

export async function main(argv: string[], io: CliProcess): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.flags.has('version')) {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    const spec = COMMAND_SPECS.find((c) => c.name === (args.command === 'help' ? args.positionals[0] : args.command));
    if (args.flags.has('help') || args.command === null || args.command === 'help') {
      io.stdout.write(spec ? commandHelp(spec) : mainHelp());
      return args.command === null && !args.flags.has('help') ? EXIT.usage : EXIT.ok;
    }
    const run = COMMANDS[args.command] as (ctx: Context) => Promise<number>;
    return await run({ args, io, lang: languageFor(args.flags.get('lang') as string | undefined, io.env ?? {}) });
  } catch (e) {
    if (e instanceof UsageError) {
      const command = argv.find((a) => !a.startsWith('-'));
      io.stderr.write(`zfxxgk: ${e.message}\nRun "zfxxgk ${command && COMMANDS[command] ? `${command} ` : ''}--help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof OutputError) {
      io.stderr.write(`zfxxgk: ${printable(e.path)}: ${e.code}: ${e.message}\n`);
      return EXIT.unreadable;
    }
    io.stderr.write(`zfxxgk: internal-error: ${(e as Error).message}\n`);
    if (argv.includes('--debug')) io.stderr.write(`${(e as Error).stack ?? ''}\n`);
    return EXIT.unreadable;
  }
}
