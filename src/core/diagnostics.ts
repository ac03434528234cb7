// Building diagnostics and the one exception the library throws.

import { CODES, type Code } from './codes.js';
import type { Diagnostic, Location } from './types.js';

export type DiagnosticExtra = Omit<Diagnostic, 'code' | 'severity' | 'message'>;

export function diagnostic(code: Code, message: string, extra: DiagnosticExtra = {}): Diagnostic {
  return { code, severity: CODES[code].severity, message, ...extra };
}

/** Thrown only for input that cannot be read at all; everything else is a Diagnostic. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: Code;
  readonly file: string | undefined;
  readonly location: Location | undefined;

  constructor(code: Code, message: string, options: { file?: string; location?: Location; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.location = options.location;
  }
}
