// Shared by the list and matrix readers: a cell's value, its location, and
// the printed unit reconciled with the catalogue unit. Numbers are never read
// from spanned (merged-copy) cells.

import type { IndicatorEntry } from '../catalogue/index.js';
import { diagnostic } from '../core/diagnostics.js';
import type { Cell, Diagnostic, Location, ParsedValue } from '../core/types.js';
import { convertUnit, parseValue, type UnitTable } from '../core/numbers.js';

export interface IndicatorValue {
  id: string;
  value: number | null;
  unit: string | null;
  raw: string;
  label: string;
  cell: Location;
}

export function cellLocation(cell: Cell | undefined, row: number, col: number): Location {
  const loc: Location = { row, col };
  if (cell?.origin.line !== undefined) loc.line = cell.origin.line;
  if (cell?.origin.sheet !== undefined) loc.sheet = cell.origin.sheet;
  if (cell?.origin.ref !== undefined) loc.ref = cell.origin.ref;
  if (cell?.origin.page !== undefined) loc.page = cell.origin.page;
  if (cell?.origin.box !== undefined) loc.box = cell.origin.box;
  return loc;
}

export interface Found {
  parsed: ParsedValue;
  col: number;
  fromUnitColumn: boolean;
  printedUnit: string | null;
}

export const BLANK: ParsedValue = { value: null, unit: null, raw: '', kind: 'blank', issues: [] };

export function pureUnit(text: string, units: UnitTable): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  return units.units.includes(t) ? t : null;
}

export function parseCell(cell: Cell | undefined, units: UnitTable): ParsedValue {
  return !cell || cell.spanned ? BLANK : parseOwnText(cell, units);
}

/** A cell's own value, whether or not it is a spanned copy (a workbook's number, else its text parsed). */
export function parseOwnText(cell: Cell, units: UnitTable): ParsedValue {
  if (cell.number !== undefined) return { value: cell.number, unit: null, raw: cell.text, kind: 'number', issues: [] };
  return parseValue(cell.text, units);
}

function reconcileUnit(ind: IndicatorEntry, found: Found, loc: Location, units: UnitTable, diags: Diagnostic[]): number | null {
  const { value } = found.parsed;
  const printed = found.printedUnit;
  if (value === null || printed === null || ind.unit === null || printed === ind.unit || ind.units_accepted.includes(printed)) return value;
  const converted = convertUnit(value, printed, ind.unit, units);
  if (converted !== null) {
    diags.push(diagnostic('unit-converted', { id: ind.id, value, printed, converted, unit: ind.unit }, { id: ind.id, cell: loc, expected: ind.unit, actual: printed }));
    return converted;
  }
  diags.push(diagnostic('unit-mismatch', { id: ind.id, printed, unit: ind.unit }, { id: ind.id, cell: loc, expected: ind.unit, actual: printed }));
  return value;
}

/** Counts (条, 件, 人 …) are whole numbers; money may have decimals. */
function isCount(unit: string | null, units: UnitTable): boolean {
  return unit !== null && !units.moneyUnits.includes(unit);
}

/**
 * The value of one indicator from the cell it was found in: its parse issues,
 * unit reconciliation, sign and fraction checks become diagnostics.
 */
export function indicatorValue(ind: IndicatorEntry, found: Found, loc: Location, label: string, units: UnitTable, diags: Diagnostic[]): IndicatorValue {
  for (const issue of found.parsed.issues) diags.push(diagnostic(issue.code, { id: ind.id, ...issue.params }, { id: ind.id, cell: loc, actual: found.parsed.raw }));
  const value = reconcileUnit(ind, found, loc, units, diags);
  if (value !== null && value < 0 && !ind.signed) diags.push(diagnostic('value-negative', { id: ind.id, raw: found.parsed.raw }, { id: ind.id, cell: loc, actual: value }));
  if (value !== null && !Number.isInteger(value) && isCount(ind.unit, units)) {
    diags.push(diagnostic('value-fraction-in-count', { id: ind.id, unit: ind.unit, raw: found.parsed.raw }, { id: ind.id, cell: loc, actual: value }));
  }
  return { id: ind.id, value, unit: ind.unit, raw: found.parsed.raw, label, cell: loc };
}

/** One diagnostic naming the non-virtual indicators of a table that no row supplied. */
export function missingIndicators(all: IndicatorEntry[], seen: ReadonlySet<string>, form: string): Diagnostic[] {
  const missing = all.filter((i) => !i.virtual && i.variant === undefined && !seen.has(i.id)).map((i) => i.id);
  if (missing.length === 0) return [];
  return [diagnostic('missing-indicator', { count: missing.length, form, ids: missing }, { actual: missing })];
}
