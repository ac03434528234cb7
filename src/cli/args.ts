// A small argv parser: `command positional… --flag value --bool`.

export interface ParsedArgs {
  command: string | null;
  positionals: string[];
  flags: Map<string, string | true>;
}

import { UsageError } from './context.js';

/** Flags that take a value; every other flag is boolean. */
const VALUED = new Set(['format', 'out', 'encoding', 'timeout', 'threads', 'max-memory', 'port']);

export function parseArgs(argv: string[]): ParsedArgs {
  const positionals: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name = '', inline] = a.slice(2).split(/=(.*)/s, 2);
      if (VALUED.has(name)) {
        const value = inline ?? argv[++i];
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
        flags.set(name, value);
      } else {
        if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
        flags.set(name, true);
      }
    } else if (a === '-h') flags.set('help', true);
    else if (a === '-v') flags.set('version', true);
    else positionals.push(a);
  }
  const [command = null, ...rest] = positionals;
  return { command, positionals: rest, flags };
}
