// Stage: matched rows → indicator values, one reading per value column.
// Takes each value from its column, or from the unit column when that is
// where the number sits (`| 24条 | |`); reconciles the printed unit with the
// catalogue unit; numbers are never read from spanned (merged-copy) cells.

import type { Catalogue, IndicatorEntry } from './catalogue.js';
import { diagnostic } from './diagnostics.js';
import type { LabelledGrid, LabelledRow } from './labels.js';
import type { MatchedRow } from './match.js';
import type { Recognition, ValueColumn } from './recognize.js';
import type { Cell, Diagnostic, Location, ParsedValue } from './types.js';
import { convertUnit, parseValue, type UnitTable } from './values.js';

export interface IndicatorValue {
  id: string;
  value: number | null;
  unit: string | null;
  raw: string;
  label: string;
  cell: Location;
}

export interface ValueReading {
  /** The value column read, or null for a headerless table read row by row. */
  column: ValueColumn | null;
  indicators: IndicatorValue[];
  diagnostics: Diagnostic[];
}

export function cellLocation(cell: Cell | undefined, row: number, col: number): Location {
  const loc: Location = { row, col };
  if (cell?.origin.line !== undefined) loc.line = cell.origin.line;
  if (cell?.origin.sheet !== undefined) loc.sheet = cell.origin.sheet;
  if (cell?.origin.ref !== undefined) loc.ref = cell.origin.ref;
  return loc;
}

interface Found {
  parsed: ParsedValue;
  col: number;
  fromUnitColumn: boolean;
  printedUnit: string | null;
}

const BLANK: ParsedValue = { value: null, unit: null, raw: '', kind: 'blank', issues: [] };

function pureUnit(text: string, units: UnitTable): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return units.units.includes(t) ? t : null;
}

function parseCell(cell: Cell | undefined, units: UnitTable): ParsedValue {
  if (!cell || cell.spanned) return BLANK;
  if (cell.number !== undefined) return { value: cell.number, unit: null, raw: cell.text, kind: 'number', issues: [] };
  return parseValue(cell.text, units);
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

function reconcileUnit(ind: IndicatorEntry, found: Found, loc: Location, units: UnitTable, diags: Diagnostic[]): number | null {
  const { value } = found.parsed;
  const printed = found.printedUnit;
  if (value === null || printed === null || ind.unit === null || printed === ind.unit || ind.units_accepted.includes(printed)) return value;
  const converted = convertUnit(value, printed, ind.unit, units);
  if (converted !== null) {
    diags.push(diagnostic('unit-converted', `${ind.id}: ${value} ${printed} = ${converted} ${ind.unit}.`, { id: ind.id, cell: loc, expected: ind.unit, actual: printed }));
    return converted;
  }
  diags.push(diagnostic('unit-mismatch', `${ind.id} is printed in ${printed}; the form's unit is ${ind.unit}. The printed number is kept.`, { id: ind.id, cell: loc, expected: ind.unit, actual: printed }));
  return value;
}

const COUNT_LIKE_FRACTION = (unit: string | null, units: UnitTable): boolean => unit !== null && !units.moneyUnits.includes(unit);

function readColumn(lg: LabelledGrid, rec: Recognition, matched: MatchedRow[], column: ValueColumn | null, catalogue: Catalogue): ValueReading {
  const units = catalogue.units;
  const indicators: IndicatorValue[] = [];
  const diagnostics: Diagnostic[] = [];
  let fromUnitColumn = 0;
  for (const m of matched) {
    const row = lg.rows[m.row];
    if (!row) continue;
    const found = column ? valueInColumn(row, column, rec.layout.unitCol, units) : valueByScan(row, m.labelCol, units);
    const loc = cellLocation(row.cells[found.col], m.row, found.col);
    const labelRaw = row.cells[m.labelCol]?.text ?? m.label.raw;
    const ind = m.indicator;
    if (!ind) {
      if (found.parsed.kind === 'number' || found.parsed.kind === 'text') {
        diagnostics.push(diagnostic('unknown-row', `Row "${labelRaw}" matches no indicator of form ${rec.form.form}; its value ${found.parsed.raw} is not emitted.`, { cell: loc, label: labelRaw, actual: found.parsed.raw }));
      } else {
        diagnostics.push(diagnostic('unmatched-text-row', `Row "${labelRaw}" matches no indicator and holds no value.`, { cell: cellLocation(row.cells[m.labelCol], m.row, m.labelCol), label: labelRaw }));
      }
      continue;
    }
    if (m.duplicateOf !== null) {
      diagnostics.push(diagnostic('duplicate-indicator', `Row "${labelRaw}" matches ${ind.id} again (first at row ${m.duplicateOf}); this row's value ${found.parsed.raw || '(blank)'} is not emitted.`, { id: ind.id, cell: loc, label: labelRaw, actual: found.parsed.raw }));
      continue;
    }
    if (m.fuzzy !== null) {
      diagnostics.push(diagnostic('fuzzy-match', `Row "${labelRaw}" was matched to ${ind.id} (${ind.label}) with similarity ${m.fuzzy.toFixed(2)}.`, { id: ind.id, cell: loc, label: labelRaw, actual: Number(m.fuzzy.toFixed(3)) }));
    }
    if (ind.virtual && found.parsed.kind !== 'number') continue; // a section header: no value on the form
    if (ind.virtual) diagnostics.push(diagnostic('value-in-header-row', `Header row ${ind.id} carries the value ${found.parsed.raw}; it is kept.`, { id: ind.id, cell: loc }));
    for (const issue of found.parsed.issues) diagnostics.push(diagnostic(issue.code, issue.message, { id: ind.id, cell: loc, actual: found.parsed.raw }));
    if (found.fromUnitColumn) fromUnitColumn++;
    const value = reconcileUnit(ind, found, loc, units, diagnostics);
    if (value !== null && value < 0) diagnostics.push(diagnostic('value-negative', `${ind.id} is negative (${found.parsed.raw}).`, { id: ind.id, cell: loc, actual: value }));
    if (value !== null && !Number.isInteger(value) && COUNT_LIKE_FRACTION(ind.unit, units)) {
      diagnostics.push(diagnostic('value-fraction-in-count', `${ind.id} is a count in ${ind.unit} but has a fraction (${found.parsed.raw}).`, { id: ind.id, cell: loc, actual: value }));
    }
    indicators.push({ id: ind.id, value, unit: ind.unit, raw: found.parsed.raw, label: labelRaw, cell: loc });
  }
  if (fromUnitColumn > 0) {
    diagnostics.push(diagnostic('value-in-unit-column', `${fromUnitColumn} value(s) were read from the unit column because the value column "${column?.label ?? ''}" is empty in those rows.`, { actual: fromUnitColumn }));
  }
  const seen = new Set(indicators.map((i) => i.id));
  const missing = rec.table.indicators.filter((i) => !i.virtual && !seen.has(i.id) && !matched.some((m) => m.indicator?.id === i.id)).map((i) => i.id);
  if (missing.length > 0) {
    diagnostics.push(diagnostic('missing-indicator', `${missing.length} indicator(s) of form ${rec.form.form} have no row in this table: ${missing.join(', ')}.`, { actual: missing }));
  }
  return { column, indicators, diagnostics };
}

/** Read every value column of a recognised table. */
export function readValues(lg: LabelledGrid, rec: Recognition, matched: MatchedRow[], catalogue: Catalogue): ValueReading[] {
  const cols = rec.layout.valueCols;
  if (cols.length === 0) return [readColumn(lg, rec, matched, null, catalogue)];
  return cols.map((col) => readColumn(lg, rec, matched, col, catalogue));
}
