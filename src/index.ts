// Public API of zfxxgk. A test freezes this list of exports.

import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { useCodepages } from './extract/workbook.js';

// The synchronous parseReport may meet a legacy workbook in a code page: load them here, once.
useCodepages(cptable);

export { parseReport, parseReportAsync, DEFAULT_LIMITS, type ParseOptions, type Progress } from './parse-report.js';
export { ReportResultSchema, TableResultSchema, DiagnosticSchema, CheckSchema, IndicatorValueSchema, type ReportResult, type TableResult } from './output/schema.js';
export { CODES, type Code, type CodeInfo } from './core/codes.js';
export { ParseError } from './core/diagnostics.js';
export { formatMessage, LANGUAGES, type Language, type Params } from './core/messages.js';
export { localizeReport, describeCheck } from './output/wording.js';
export { defaultCatalogue, loadCatalogue, TemplateSchema, CatalogueError, type Catalogue } from './catalogue/index.js';
export { decode } from './input/decode.js';
export { extractGrids } from './extract/index.js';
export { useZlib } from './extract/workbook.js';
export { usePdfAssets } from './extract/pdf/load.js';
export { normalizeLabel, normalizeText } from './core/normalize-text.js';
export { parseValue } from './core/numbers.js';
export type { Cell, Grid, Diagnostic, Location, NormalizedLabel, ParsedValue } from './core/types.js';
