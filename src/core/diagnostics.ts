// Building diagnostics and the one exception the library throws. A call site
// gives a code and its data; the sentence comes from the message maps.

import { CODES, type Code } from './codes.js';
import { formatMessage, type Params } from './messages.js';
import type { Diagnostic, Location } from './types.js';

export type DiagnosticExtra = Omit<Diagnostic, 'code' | 'severity' | 'message' | 'params'>;

export function diagnostic(code: Code, params: Params, extra: DiagnosticExtra = {}): Diagnostic {
  return { code, severity: CODES[code].severity, message: formatMessage(code, params), params, ...extra };
}

/** Thrown only for input that cannot be read at all; everything else is a Diagnostic. */
export class ParseError extends Error {
  override readonly name = 'ParseError';
  readonly code: Code;
  readonly params: Params;
  readonly file: string | undefined;
  readonly location: Location | undefined;

  constructor(code: Code, params: Params, options: { file?: string | undefined; location?: Location; cause?: unknown } = {}) {
    super(formatMessage(code, params), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.params = params;
    this.file = options.file;
    this.location = options.location;
  }
}
