// Messages between the page and its parsing worker.

import type { Params } from '../src/core/messages.js';
import type { PaperSheet } from '../src/output/paper-form.js';
import type { Progress } from '../src/options.js';
import type { ReportResult } from '../src/output/schema.js';

export type Nothing = 'no-table' | 'no-number' | null;

export type Request =
  | { type: 'parse'; name: string; bytes?: Uint8Array; text?: string }
  /** The blank official form of a format, to fill in on the page. */
  | { type: 'blank'; form: string }
  /** The shown return with the cells as typed: checked again. */
  | { type: 'fill'; form: string; name: string; values: Record<string, string> }
  | { type: 'export'; format: 'csv' | 'xlsx' | 'checked' | 'return'; lang: 'zh' | 'en' };

export type Response =
  | { type: 'progress'; progress: Progress }
  /** The report in both languages (codes and data are the same), and why nothing was checked, if so. */
  | { type: 'result'; result: { zh: ReportResult; en: ReportResult }; layouts: (PaperSheet | null)[]; nothing: Nothing; fill: boolean }
  | { type: 'error'; code: string; params: Params; message: string }
  | { type: 'export'; format: 'csv' | 'xlsx' | 'checked' | 'return'; bytes: Uint8Array }
  | { type: 'forms'; forms: { form: string; name: string }[] };
