// The public parse functions: a caller's options checked (zod), then the pipeline.

import { checkOptions } from './options-check.js';
import type { ParseOptions } from './options.js';
import type { ReportResult } from './output/schema.js';
import { parseTrusted, parseTrustedAsync } from './pipeline.js';

export { DEFAULT_LIMITS, type ParseOptions, type Progress } from './options.js';

/**
 * Parse a report (text, HTML, CSV or workbook bytes) into typed, cross-checked
 * indicator tables. Word documents and PDFs need parseReportAsync.
 */
export function parseReport(input: string | Uint8Array | ArrayBuffer | ArrayBufferView, options: ParseOptions = {}): ReportResult {
  return parseTrusted(input, checkOptions(options));
}

/** parseReport for every input kind, Word .docx (through mammoth's HTML) and PDF (through pdf.js) included. */
export async function parseReportAsync(input: string | Uint8Array | ArrayBuffer | ArrayBufferView | Blob, options: ParseOptions = {}): Promise<ReportResult> {
  return parseTrustedAsync(input, checkOptions(options));
}
