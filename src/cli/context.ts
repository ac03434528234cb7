// What every command gets: its arguments and the process's streams.

import type { Code } from '../core/codes.js';
import { ParseError } from '../core/diagnostics.js';
import { formatMessage, type Language, type Params } from '../core/messages.js';
import type { ParsedArgs } from './args.js';

export interface CliStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliProcess {
  stdout: CliStream;
  stderr: CliStream;
  /** Read for the input `-`. */
  stdin?: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;
  /** The environment: LC_ALL, LC_MESSAGES and LANG choose the language when --lang does not. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface Context {
  args: ParsedArgs;
  io: CliProcess;
  /** The language of messages: --lang, else the locale, else English. */
  lang: Language;
}

/** Why a file could not be read, as data: what a worker sends back and what is reported. */
export interface FileError {
  code: Code;
  params: Params;
  stack?: string;
}

/** Any error met while reading one file, as its code and data (a bug is internal-error, with its stack). */
export function fileErrorOf(e: unknown): FileError {
  if (e instanceof ParseError) return { code: e.code, params: e.params };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT' || err?.code === 'EACCES' || err?.code === 'EISDIR') return { code: 'file-not-found', params: { reason: err.code } };
  return { code: 'internal-error', params: { reason: err?.message ?? String(e) }, stack: err?.stack ?? '' };
}

export const EXIT = { ok: 0, unreadable: 1, usage: 2, checkFailed: 3, nothingChecked: 4 } as const;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** A flag's string value, or the fallback. */
export function flag(ctx: Context, name: string, fallback?: string): string | undefined {
  const v = ctx.args.flags.get(name);
  return typeof v === 'string' ? v : fallback;
}

/** A whole-number flag at least `min` (1 unless told). */
export function wholeNumber(ctx: Context, name: string, fallback: number, min = 1): number {
  const raw = flag(ctx, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
  return n;
}

/** A file name as one printable line: control characters (a newline in a name) escaped. */
export function printable(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One line on standard error per problem with a file: `zfxxgk: file[:line]: code: message`. */
export function reportProblem(ctx: Context, file: string, code: string, message: string, line?: number, stack?: string): void {
  ctx.io.stderr.write(`zfxxgk: ${printable(file)}${line !== undefined ? `:${line}` : ''}: ${code}: ${message}\n`);
  if (stack && ctx.args.flags.has('debug')) ctx.io.stderr.write(`${stack}\n`);
}

/** One line on standard error for a file that could not be read, in the run's language. */
export function reportFileError(ctx: Context, file: string, error: FileError, line?: number): void {
  reportProblem(ctx, file, error.code, formatMessage(error.code, error.params, ctx.lang), line, error.stack);
}
