// Public API of zfxxgk. A test freezes this list of exports.

import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { useCodepages } from './extract/workbook.js';

// The synchronous parseReport may meet a legacy workbook in a code page: load them here, once.
useCodepages(cptable);

export { parseReport, parseReportAsync, DEFAULT_LIMITS, type ParseOptions, type Progress } from './parse-report.js';
export { ReportResultSchema, TableResultSchema, DiagnosticSchema, CheckSchema, IndicatorValueSchema, type ReportResult, type TableResult } from './schema.js';
export { CODES, type Code, type CodeInfo } from './codes.js';
export { ParseError } from './diagnostics.js';
export { defaultCatalogue, loadCatalogue, TemplateSchema, CatalogueError, type Catalogue } from './catalogue.js';
export { decode } from './decode.js';
export { extractGrids } from './extract/index.js';
export { useZlib } from './extract/workbook.js';
export { normalizeLabel, normalizeText } from './normalize.js';
export { parseValue } from './values.js';
export type { Cell, Grid, Diagnostic, Location, NormalizedLabel, ParsedValue } from './types.js';
