// What every command gets: its arguments and the process's streams.

import type { ParsedArgs } from './args.js';

export interface CliStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliProcess {
  stdout: CliStream;
  stderr: CliStream;
}

export interface Context {
  args: ParsedArgs;
  io: CliProcess;
}

export const EXIT = { ok: 0, unreadable: 1, usage: 2, checkFailed: 3 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A flag's string value, or the fallback. */
export function flag(ctx: Context, name: string, fallback?: string): string | undefined {
  const v = ctx.args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
}

export function positiveInt(ctx: Context, name: string, fallback: number): number {
  const raw = flag(ctx, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`--${name} must be a positive whole number`);
  return n;
}

/** One line on standard error per problem with a file: `zfxxgk: file[:line]: code: message`. */
export function reportProblem(ctx: Context, file: string, code: string, message: string, line?: number, stack?: string): void {
  ctx.io.stderr.write(`zfxxgk: ${file}${line !== undefined ? `:${line}` : ''}: ${code}: ${message}\n`);
  if (stack && ctx.args.flags.has('debug')) ctx.io.stderr.write(`${stack}\n`);
}
