// The options a caller of the library passes, checked with zod before any
// stage runs: a wrong type is refused, never ignored. The command line builds
// its options itself and does not load zod at start-up.

import { z } from 'zod';
import type { Catalogue } from './catalogue/index.js';
import { ParseError } from './core/diagnostics.js';
import { LANGUAGES } from './core/messages.js';
import { DEFAULT_LIMITS, type ParseOptions, type Progress } from './options.js';

const Limit = z
  .number()
  .positive()
  .refine((n) => !Number.isNaN(n), 'a number');

/** The options a caller may pass, checked: a wrong type is refused, never ignored. */
const OptionsSchema = z
  .object({
    source: z.string().optional(),
    encoding: z.string().min(1).optional(),
    lang: z.enum(LANGUAGES).optional(),
    catalogue: z
      .custom<Catalogue>((c) => typeof c === 'object' && c !== null && Array.isArray((c as Catalogue).forms) && typeof (c as Catalogue).readers === 'object', 'a catalogue from loadCatalogue')
      .optional(),
    onProgress: z.custom<(p: Progress) => void>((f) => typeof f === 'function', 'a function').optional(),
    ...Object.fromEntries(Object.keys(DEFAULT_LIMITS).map((k) => [k, Limit.optional()])),
  })
  .strict();

export function checkOptions(given: unknown): ParseOptions {
  if (given === null || typeof given !== 'object' || Array.isArray(given))
    throw new ParseError('invalid-argument', { what: 'options', got: given === null ? 'null' : Array.isArray(given) ? 'an array' : typeof given });
  const checked = OptionsSchema.safeParse(given);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    const name = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? (issue as { keys?: string[] }).keys?.join(', ') : '') || 'options';
    throw new ParseError('invalid-argument', { what: 'option', name, issue: issue?.message ?? 'invalid' });
  }
  return checked.data as ParseOptions;
}
