// Stage: grids → tables of indicators. Each grid goes through
// normalise → segment → recognise (ties settled by the document) → reflow →
// match → read values → check.

import type { Catalogue, FormEntry, IdentityEntry } from '../catalogue/index.js';
import { normalizeText } from '../core/normalize-text.js';
import { diagnostic } from '../core/diagnostics.js';
import type { Diagnostic, Grid } from '../core/types.js';
import type { Limits, Progress } from '../options.js';
import type { TableResult } from '../output/schema.js';
import { checkIdentities } from './check.js';
import { matchRows } from './match.js';
import { normalizeGrid } from './normalize.js';
import { readList } from './read-list.js';
import { readMatrix } from './read-matrix.js';
import { detectListColumns, gridPlace, recognizeForm, settleForms, type Recognised, type Recognition } from './recognize.js';
import { reflow } from './reflow.js';
import { segmentGrid } from './segment.js';
import { unglue, unglueMatrix } from './unglue.js';
import { kept } from '../core/memo.js';

export interface Tables {
  tables: TableResult[];
  diagnostics: Diagnostic[];
}

/** What the input was, for the words of `no-table-found`. */
export interface InputDescription {
  kind: string;
  /** Characters and lines of a text input. */
  size?: { characters: number; lines: number };
}

function notRecognised(grid: Grid): Diagnostic {
  const params = { table: grid.index, rows: grid.rows.length, cols: grid.rows[0]?.length ?? 0, line: grid.origin.line ?? null };
  return diagnostic('table-not-recognised', params, { cell: gridPlace(grid) });
}

function noTable(input: InputDescription, grids: number): Diagnostic {
  return diagnostic('no-table-found', { kind: input.kind, grids, ...(input.size ? input.size : {}) }, { actual: grids });
}

/** Normalise, split and recognise every grid (within the limits). */
function recogniseAll(grids: Grid[], catalogue: Catalogue, limits: Limits, progress: (p: Progress) => void, diagnostics: Diagnostic[]): Recognised[] {
  if (grids.length > limits.maxTables) {
    diagnostics.push(diagnostic('limit-tables', { count: grids.length, limit: limits.maxTables }, { actual: grids.length, expected: limits.maxTables }));
  }
  const found: Recognised[] = [];
  let index = 0;
  const todo = grids.slice(0, limits.maxTables);
  for (const [k, grid] of todo.entries()) {
    progress({ stage: 'tables', done: k, total: todo.length });
    const cells = grid.rows.length * (grid.rows[0]?.length ?? 0);
    if (cells > limits.maxCells) {
      diagnostics.push(
        diagnostic(
          'limit-cells',
          { table: grid.index, cells, limit: limits.maxCells },
          {
            cell: { table: grid.index },
            actual: cells,
            expected: limits.maxCells,
          },
        ),
      );
      continue;
    }
    for (const part of segmentGrid(normalizeGrid(grid, catalogue.vocabulary), catalogue)) {
      // Tables are numbered in document order, after splitting.
      const labelled = { ...part, grid: { ...part.grid, index: index++ } };
      const rec = recognizeForm(labelled, catalogue);
      if (rec) found.push({ grid: labelled.grid, labelled, rec });
      else diagnostics.push(notRecognised(labelled.grid));
    }
  }
  return found;
}

const variantIdentities = new WeakMap<FormEntry, Map<string | null, IdentityEntry[]>>();

/** The identities that hold in a table of this form, as printed in this variant (or none); one list per form and variant. */
function identitiesFor(form: FormEntry, variant: string | null): IdentityEntry[] {
  const byVariant = kept(variantIdentities, form, () => new Map<string | null, IdentityEntry[]>());
  return kept(byVariant, variant, () => form.identities.filter((i) => (i.variants ? variant !== null && i.variants.includes(variant) : variant === null || !i.except.includes(variant))));
}

/**
 * Which local variant of the form a table follows: the one whose own rows (and header words) it prints
 * most. None when it prints none of any variant's.
 */
function detectVariant(form: FormEntry, table: string, ids: ReadonlySet<string>, headerKeys: ReadonlySet<string>): string | null {
  let best: { variant: string; score: number } | null = null;
  for (const v of form.variants.filter((x) => x.table === table)) {
    const rows = [...v.detectIds].filter((id) => ids.has(id)).length;
    const words = [...v.detectHeader].filter((k) => headerKeys.has(k)).length;
    // A header word alone does not make a variant: a variant prints rows of its own.
    const score = rows === 0 ? 0 : rows + 2 * words;
    if (score > 0 && (!best || score > best.score)) best = { variant: v.variant, score };
  }
  return best?.variant ?? null;
}

/** What a value column holds, from its header (templates/list-header.json value_kinds). */
function columnKind(label: string | null, columns: number, catalogue: Catalogue): 'year' | 'cumulative' | 'other' {
  const text = label === null ? '' : normalizeText(label, catalogue.vocabulary);
  if (catalogue.valueKinds.cumulative.some((w) => text.includes(w))) return 'cumulative';
  if (catalogue.valueKinds.year.some((w) => text.includes(w)) || /(?:19|20)\d{2}年/.test(text)) return 'year';
  // The one value column of a table, with no header or a bare one, is the report's figure.
  return columns === 1 ? 'year' : 'other';
}

/** One recognised grid through reflow → match → values → checks. */
function readRecognised({ grid, labelled: raw, rec: recognised }: Recognised, catalogue: Catalogue): Tables {
  const labelled = reflow(raw, recognised, catalogue);
  // A reflowed list table has its header row in a new place.
  const rec: Recognition = labelled !== raw && recognised.kind === 'list' ? { ...recognised, columns: detectListColumns(labelled, catalogue.listHeader) } : recognised;
  const codes = catalogue.listHeader.columnCodes;
  let split: Diagnostic[] = [];
  let grid2 = labelled;
  if (rec.kind === 'list' && labelled.rows.some((r) => r.cells.some((c) => c.glued))) {
    // Runs of digits that lost their cell boundaries: cut by the sums of the form (and variant) the labels show.
    const matched = matchRows(labelled, rec, codes);
    const variant = detectVariant(
      rec.form,
      rec.table.table,
      new Set(matched.flatMap((m) => (m.indicator ? [m.indicator.id] : []))),
      new Set(labelled.rows.slice(0, 12).flatMap((r) => r.labels.flatMap((l) => (l ? [l.key] : [])))),
    );
    const kinds = rec.columns.valueCols.map((v) => columnKind(v.label, rec.columns.valueCols.length, catalogue));
    const u = unglue(labelled, rec, matched, identitiesFor(rec.form, variant), kinds, catalogue);
    grid2 = u.lg;
    split = u.diagnostics;
  } else if (rec.kind === 'matrix') {
    const u = unglueMatrix(labelled, rec, identitiesFor(rec.form, null), catalogue);
    grid2 = u.lg;
    split = u.diagnostics;
  }
  const readings = rec.kind === 'list' ? readList(grid2, rec, matchRows(grid2, rec, codes), catalogue) : [{ ...readMatrix(grid2, rec, catalogue), column: null }];
  const headerKeys = new Set(grid2.rows.slice(0, 12).flatMap((r) => r.labels.flatMap((l) => (l ? [l.key] : []))));
  const tables = readings.map((reading, k): TableResult => {
    const variant = detectVariant(rec.form, rec.table.table, new Set(reading.indicators.map((i) => i.id)), headerKeys);
    const { checks, virtual, diagnostics } = checkIdentities(reading.indicators, identitiesFor(rec.form, variant), rec.table.byId);
    const location: TableResult['location'] = { index: grid.index, sheet: grid.origin.sheet ?? null, line: grid.origin.line ?? null };
    if (grid.origin.page !== undefined) location.page = grid.origin.page;
    const label = reading.column?.label ?? null;
    const column = { col: reading.column?.col ?? null, label, kind: columnKind(label, readings.length, catalogue) };
    // A cut covers every value column of its row: said once, with the first reading.
    const own = k === 0 ? split : [];
    return { form: rec.form.form, table: rec.table.table, location, variant, column, indicators: reading.indicators, virtual, checks, diagnostics: [...own, ...reading.diagnostics, ...diagnostics] };
  });
  const diagnostics =
    readings.length > 1
      ? [
          diagnostic(
            'extra-value-columns',
            { table: grid.index, count: readings.length, columns: readings.map((r) => r.column?.label ?? '?') },
            {
              cell: { table: grid.index },
            },
          ),
        ]
      : [];
  return { tables, diagnostics };
}

export function readTables(grids: Grid[], input: InputDescription, catalogue: Catalogue, limits: Limits, progress: (p: Progress) => void): Tables {
  const diagnostics: Diagnostic[] = [];
  const tables: TableResult[] = [];
  for (const r of settleForms(recogniseAll(grids, catalogue, limits, progress, diagnostics), catalogue, diagnostics)) {
    const result = readRecognised(r, catalogue);
    tables.push(...result.tables);
    diagnostics.push(...result.diagnostics);
  }
  if (tables.length === 0) diagnostics.push(noTable(input, grids.length));
  return { tables, diagnostics };
}
