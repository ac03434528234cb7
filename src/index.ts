// Public API of zfxxgk. A test freezes this list of exports.

// The synchronous parseReport may meet any input: every library is handed in now, and the code pages of
// legacy workbooks. (The command line loads each only when an input needs it.)
import './core/libraries-all.js';
import * as cptable from 'xlsx/dist/cpexcel.full.mjs';
import { useCodepages } from './extract/workbook.js';

useCodepages(cptable);

export { parseReport, parseReportAsync, DEFAULT_LIMITS, type ParseOptions, type Progress } from './parse-report.js';
export { ReportResultSchema, TableResultSchema, DiagnosticSchema, CheckSchema, IndicatorValueSchema, type ReportResult, type TableResult } from './output/schema.js';
export { CODES, type Code, type CodeInfo } from './core/codes.js';
export { ParseError } from './core/diagnostics.js';
export { formatMessage, LANGUAGES, type Language, type Params } from './core/messages.js';
export { localizeReport, describeCheck } from './output/wording.js';
export { defaultCatalogue, CatalogueError, type Catalogue } from './catalogue/index.js';
export { loadCatalogue } from './catalogue/load.js';
export { TemplateSchema } from './catalogue/schema.js';
export { decode } from './input/decode.js';
export { extractGrids } from './extract/index.js';
export { useZlib } from './extract/workbook.js';
export { usePdfAssets } from './extract/pdf/load.js';
export { normalizeLabel, normalizeText } from './core/normalize-text.js';
export { parseValue } from './core/numbers.js';
export type { Cell, Grid, Diagnostic, Location, NormalizedLabel, ParsedValue } from './core/types.js';
