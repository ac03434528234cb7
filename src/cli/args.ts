// The command line's words → a command, its positionals and its options,
// strictly: an option the command does not take is a usage error that names
// the nearest one it does take.

import { type ParseArgsConfig, parseArgs as parseNodeArgs } from 'node:util';
import { UsageError } from './context.js';
import { COMMAND_SPECS, OPTIONS } from './spec.js';

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Map<string, string | true>;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length] as number;
}

function nearest(word: string, names: string[]): string | null {
  let best: { name: string; d: number } | null = null;
  for (const name of names) {
    const d = distance(word, name);
    if (!best || d < best.d) best = { name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(word.length / 3)) ? best.name : null;
}

function unknownOption(option: string, command: string | null, names: string[]): UsageError {
  const word = option.replace(/^-+/, '').split('=')[0] ?? '';
  const near = nearest(word, names);
  return new UsageError(`${command ?? 'zfxxgk'} has no option ${option}${near ? `; did you mean --${near}?` : ''}`);
}

export function parseArgs(argv: string[]): ParsedArgs {
  const first = argv.findIndex((a) => !a.startsWith('-') || a === '-');
  const command = first >= 0 && argv.slice(0, first).every((a) => a !== '--') ? (argv[first] as string) : null;
  const spec = COMMAND_SPECS.find((c) => c.name === command);
  if (command !== null && !spec && command !== 'help') {
    const near = nearest(
      command,
      COMMAND_SPECS.map((c) => c.name),
    );
    throw new UsageError(`unknown command "${command}"${near ? `; did you mean "${near}"?` : ''}`);
  }
  const names = spec ? [...spec.options, 'help', 'debug'] : ['help', 'version'];
  const options: ParseArgsConfig['options'] = Object.fromEntries(names.map((n) => [n, { type: OPTIONS[n]?.type ?? 'boolean', ...(OPTIONS[n]?.short ? { short: OPTIONS[n]?.short } : {}) }]));
  const rest = command === null ? argv : [...argv.slice(0, first), ...argv.slice(first + 1)];
  let parsed: { values: Record<string, string | boolean | (string | boolean)[] | undefined>; positionals: string[] };
  try {
    parsed = parseNodeArgs({ args: rest, options, strict: true, allowPositionals: true });
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const option = /'([^']+)'/.exec(err.message)?.[1] ?? '?';
      throw unknownOption(option, command, names);
    }
    if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' || err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      throw new UsageError(err.message.split('\n')[0]?.replace(/^Option '([^']+)'.*argument missing$/, '$1 needs a value') ?? err.message);
    }
    throw e;
  }
  const flags = new Map<string, string | true>();
  for (const [k, v] of Object.entries(parsed.values)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'string' && v === '') throw new UsageError(`--${k} needs a value`);
    flags.set(k, typeof v === 'string' ? v : true);
  }
  return { command, positionals: parsed.positionals, flags };
}
