// Messages between the page and its parsing worker.

import type { PaperSheet } from '../src/output/paper-form.js';
import type { Progress } from '../src/parse-report.js';
import type { ReportResult } from '../src/output/schema.js';

export type Request = { type: 'parse'; name: string; bytes?: Uint8Array; text?: string } | { type: 'export'; format: 'csv' | 'xlsx' };

export type Response =
  | { type: 'progress'; progress: Progress }
  | { type: 'result'; result: ReportResult; layouts: (PaperSheet | null)[] }
  | { type: 'error'; code: string; message: string }
  | { type: 'export'; format: 'csv' | 'xlsx'; bytes: Uint8Array };
