// The pipeline, start to end, one named stage per step (parse-report.ts is its
// public face, which checks a caller's options first):
//   input (bytes → source) → extract (source → grids) →
//   table (grids → checked indicator tables) → text (meta, prose) → report.
// Every decision is inside its stage; this file only composes them.

import { type Catalogue, defaultCatalogue, defaultCatalogueBuilt } from './catalogue/index.js';
import { ParseError } from './core/diagnostics.js';
import { loadLibraries } from './core/libraries.js';
import { type Extracted, extractGrids, extractGridsAsync, librariesToExtract } from './extract/index.js';
import { librariesToRead, readInput, type Source } from './input/read.js';
import { inputOf, settingsOf, type ParseOptions, type Settings, utf8Length } from './options.js';
import type { ReportResult } from './output/schema.js';
import { localizeReport, wordChecks } from './output/wording.js';
import { readTables } from './table/index.js';
import { readText } from './text/index.js';

/** Stage input: bytes or text → a source of a known kind, refusing input over the size limit. */
function read(given: unknown, settings: Settings): Source {
  const input = inputOf(given);
  settings.progress({ stage: 'read' });
  // A string counts by its UTF-8 bytes (its length would count a CJK string a third of its size).
  const size = typeof input === 'string' ? (input.length * 3 <= settings.limits.maxBytes ? input.length : utf8Length(input)) : input.byteLength;
  const { maxBytes } = settings.limits;
  const file = settings.file ? { file: settings.file } : {};
  if (size > maxBytes) throw new ParseError('input-too-large', { size, limit: maxBytes }, file);
  return readInput(input, { ...file, ...(settings.encoding ? { encoding: settings.encoding } : {}), ...settings.limits });
}

/** Stages table → text → the report, from the grids a source yielded. */
function report(source: Source, extracted: Extracted, catalogue: Catalogue, options: ParseOptions, settings: Settings): ReportResult {
  const input = { kind: source.kind, ...(extracted.size ? { size: extracted.size } : {}) };
  const tables = readTables(extracted.grids, input, catalogue, settings.limits, settings.progress);
  settings.progress({ stage: 'prose' });
  const text = readText(extracted.text, tables.tables, catalogue);
  settings.progress({ stage: 'done' });
  const doc: ReportResult = {
    source: options.source ?? null,
    input: { kind: source.kind, encoding: source.encoding },
    meta: text.meta,
    tables: tables.tables,
    prose: text.prose,
    diagnostics: [...source.diagnostics, ...extracted.diagnostics, ...tables.diagnostics, ...text.diagnostics],
  };
  // Diagnostics are made in English: in English only the failed checks need words.
  return settings.lang === 'en' ? wordChecks(doc, 'en', catalogue) : localizeReport(doc, settings.lang, catalogue);
}

/** parseReport with options already checked: the libraries the input needs must be loaded (index.ts loads them all). */
export function parseTrusted(input: unknown, options: ParseOptions): ReportResult {
  const settings = settingsOf(options);
  const source = read(input, settings);
  if (source.kind === 'docx' || source.kind === 'pdf') {
    throw new ParseError('input-unsupported', { what: 'async', kind: source.kind }, settings.file ? { file: settings.file } : {});
  }
  settings.progress({ stage: 'extract' });
  const catalogue = options.catalogue ?? defaultCatalogue();
  return report(source, extractGrids(source, settings.limits, catalogue.readers), catalogue, options, settings);
}

/**
 * parseReportAsync with options already checked (the command line and the page build theirs): every
 * input kind, loading only the libraries this input needs.
 */
export async function parseTrustedAsync(input: unknown, options: ParseOptions): Promise<ReportResult> {
  const settings = settingsOf(options);
  // A Blob or File (what a page's file input gives).
  const bytes = typeof Blob !== 'undefined' && input instanceof Blob ? new Uint8Array(await input.arrayBuffer()) : input;
  await loadLibraries(librariesToRead(bytes));
  const source = read(bytes, settings);
  // A default catalogue still to be built may need OpenCC for its labels.
  const built = options.catalogue !== undefined || defaultCatalogueBuilt();
  await loadLibraries(built ? librariesToExtract(source) : [...librariesToExtract(source), 'opencc']);
  settings.progress({ stage: 'extract' });
  const catalogue = options.catalogue ?? defaultCatalogue();
  return report(source, await extractGridsAsync(source, settings.limits, catalogue.readers, settings.file), catalogue, options, settings);
}
