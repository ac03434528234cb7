// Stage: matched rows → indicator values, one reading per value column.
// Takes each value from its column, or from the unit column when that is
// where the number sits (`| 24条 | |`); reconciles the printed unit with the
// catalogue unit; numbers are never read from spanned (merged-copy) cells.

import type { Catalogue } from '../catalogue/index.js';
import { BLANK, cellLocation, indicatorValue, missingIndicators, parseCell, pureUnit, type Found, type IndicatorValue } from './indicator-value.js';
import { diagnostic } from '../core/diagnostics.js';
import type { LabelledGrid, LabelledRow } from './normalize.js';
import type { MatchedRow } from './match.js';
import type { ListRecognition, ValueColumn } from './recognize.js';
import type { Diagnostic } from '../core/types.js';
import type { UnitTable } from '../core/numbers.js';

export interface ValueReading {
  /** The value column read, or null for a headerless table read row by row. */
  column: ValueColumn | null;
  indicators: IndicatorValue[];
  diagnostics: Diagnostic[];
}

/** Value of a row in a given value column, falling back to the unit column. */
function valueInColumn(row: LabelledRow, vc: ValueColumn, unitCol: number | null, units: UnitTable): Found {
  const parsed = parseCell(row.cells[vc.col], units);
  const unitCell = unitCol === null ? undefined : row.cells[unitCol];
  if ((parsed.kind === 'blank' || parsed.kind === 'placeholder') && unitCol !== null) {
    const inUnit = parseCell(unitCell, units);
    if (inUnit.kind === 'number') return { parsed: inUnit, col: unitCol, fromUnitColumn: true, printedUnit: inUnit.unit };
  }
  return { parsed, col: vc.col, fromUnitColumn: false, printedUnit: parsed.unit ?? (unitCell ? pureUnit(unitCell.text, units) : null) };
}

/** Headerless tables: the first number right of the label; its unit may stand in the next cell. */
function valueByScan(row: LabelledRow, labelCol: number, units: UnitTable): Found {
  let fallback: Found | null = null;
  for (let c = labelCol + 1; c < row.cells.length; c++) {
    const parsed = parseCell(row.cells[c], units);
    if (parsed.kind === 'number') {
      const next = row.cells[c + 1];
      const printedUnit = parsed.unit ?? (next && !next.spanned ? pureUnit(next.text, units) : null);
      return { parsed, col: c, fromUnitColumn: false, printedUnit };
    }
    if (!fallback && (parsed.kind === 'placeholder' || parsed.kind === 'text') && !pureUnit(row.cells[c]?.text ?? '', units)) {
      fallback = { parsed, col: c, fromUnitColumn: false, printedUnit: null };
    }
  }
  return fallback ?? { parsed: BLANK, col: labelCol + 1, fromUnitColumn: false, printedUnit: null };
}

function readColumn(lg: LabelledGrid, rec: ListRecognition, matched: MatchedRow[], column: ValueColumn | null, catalogue: Catalogue): ValueReading {
  const units = catalogue.units;
  const indicators: IndicatorValue[] = [];
  const diagnostics: Diagnostic[] = [];
  let fromUnitColumn = 0;
  for (const m of matched) {
    const row = lg.rows[m.row];
    if (!row) continue;
    const found = column ? valueInColumn(row, column, rec.columns.unitCol, units) : valueByScan(row, m.labelCol, units);
    const loc = cellLocation(row.cells[found.col], m.row, found.col);
    const labelRaw = row.cells[m.labelCol]?.text ?? m.label.raw;
    const ind = m.indicator;
    if (!ind) {
      if (found.parsed.kind === 'number' || found.parsed.kind === 'text') {
        diagnostics.push(
          diagnostic(
            'unknown-row',
            { label: labelRaw, form: rec.form.form, value: found.parsed.raw },
            {
              cell: loc,
              label: labelRaw,
              actual: found.parsed.raw,
            },
          ),
        );
      } else {
        diagnostics.push(diagnostic('unmatched-text-row', { label: labelRaw }, { cell: cellLocation(row.cells[m.labelCol], m.row, m.labelCol), label: labelRaw }));
      }
      continue;
    }
    if (m.duplicateOf !== null) {
      diagnostics.push(
        diagnostic(
          'duplicate-indicator',
          { label: labelRaw, id: ind.id, first: m.duplicateOf ?? null, value: found.parsed.raw },
          {
            id: ind.id,
            cell: loc,
            label: labelRaw,
            actual: found.parsed.raw,
          },
        ),
      );
      continue;
    }
    if (m.fuzzy !== null) {
      diagnostics.push(
        diagnostic(
          'fuzzy-match',
          { label: labelRaw, id: ind.id, formLabel: ind.label, score: m.fuzzy },
          {
            id: ind.id,
            cell: loc,
            label: labelRaw,
            actual: Number(m.fuzzy.toFixed(3)),
          },
        ),
      );
    }
    if (ind.virtual && found.parsed.kind !== 'number') continue; // a section header: no value on the form
    if (ind.virtual) diagnostics.push(diagnostic('value-in-header-row', { id: ind.id, value: found.parsed.raw, kept: true }, { id: ind.id, cell: loc }));
    if (found.fromUnitColumn) fromUnitColumn++;
    indicators.push(indicatorValue(ind, found, loc, labelRaw, units, diagnostics));
  }
  if (fromUnitColumn > 0) {
    diagnostics.push(
      diagnostic(
        'value-in-unit-column',
        { count: fromUnitColumn, column: column?.label ?? '' },
        {
          actual: fromUnitColumn,
        },
      ),
    );
  }
  const seen = new Set(matched.flatMap((m) => (m.indicator ? [m.indicator.id] : [])));
  diagnostics.push(...missingIndicators(rec.table.indicators, seen, rec.form.form));
  return { column, indicators, diagnostics };
}

/** A table has a handful of value columns (本年, 累计, 区直 …); a header of thousands is not one. */
const MAX_VALUE_COLUMNS = 16;

/** Numbers in columns the header gives no role: reported, never dropped silently. */
function strayNumbers(lg: LabelledGrid, rec: ListRecognition, read: ReadonlySet<number>, catalogue: Catalogue): Diagnostic[] {
  const { columns } = rec;
  if (columns.headerRow === null) return [];
  const known = new Set([...columns.labelCols, ...read, ...(columns.unitCol === null ? [] : [columns.unitCol]), ...(columns.codeCol === null ? [] : [columns.codeCol])]);
  let count = 0;
  let first: { row: number; col: number } | null = null;
  for (const row of lg.rows.slice(columns.headerRow + 1)) {
    row.cells.forEach((cell, col) => {
      if (known.has(col) || cell.spanned || row.labels[col] !== null) return;
      if (parseCell(cell, catalogue.units).kind !== 'number') return;
      count++;
      first ??= { row: row.index, col };
    });
  }
  if (count === 0 || !first) return [];
  const at = first as { row: number; col: number };
  return [
    diagnostic(
      'extra-values',
      { what: 'stray', count, row: at.row, col: at.col },
      {
        cell: cellLocation(lg.rows[at.row]?.cells[at.col], at.row, at.col),
        actual: count,
      },
    ),
  ];
}

/** Read every value column of a recognised table. */
export function readList(lg: LabelledGrid, rec: ListRecognition, matched: MatchedRow[], catalogue: Catalogue): ValueReading[] {
  const all = rec.columns.valueCols;
  if (all.length === 0) return [readColumn(lg, rec, matched, null, catalogue)];
  const cols = all.slice(0, MAX_VALUE_COLUMNS);
  const readings = cols.map((col) => readColumn(lg, rec, matched, col, catalogue));
  const extra: Diagnostic[] = [];
  if (all.length > cols.length) {
    extra.push(diagnostic('limit-columns', { count: all.length, limit: MAX_VALUE_COLUMNS }, { actual: all.length, expected: MAX_VALUE_COLUMNS }));
  }
  extra.push(...strayNumbers(lg, rec, new Set(all.map((c) => c.col)), catalogue));
  readings[0]?.diagnostics.push(...extra);
  return readings;
}
