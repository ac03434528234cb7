// Stage: a rows × columns table (the 2019/2021 forms) → cell values.
//
// Each row is read on its own: the label cells on the left name the row
// (with the hierarchy as context: `1.属于国家秘密` only means something under
// （三）不予公开), the cells after the last label are its values, paired in
// reading order with the columns of the nearest header row above, or with
// the row's own columns from the catalogue. Reading order, not grid index,
// because published copies misalign colspans (FORMS.md §7) and pipe text
// collapses merged headers. A value row with no label takes the table's
// printed sequence (table 四: one run of 15 numbers).

import type { Catalogue, ColumnEntry, IndicatorEntry, LabelEntry, MatrixTableEntry, RowEntry } from '../catalogue/index.js';
import { BLANK, cellLocation, indicatorValue, missingIndicators, parseOwnText, type IndicatorValue } from './indicator-value.js';
import { diagnostic } from '../core/diagnostics.js';
import type { LabelledGrid, LabelledRow } from './normalize.js';
import { choose, FUZZY_THRESHOLD, fuzzyCandidates, similarity } from './match.js';
import type { MatrixRecognition } from './recognize.js';
import type { Diagnostic, NormalizedLabel, ParsedValue } from '../core/types.js';
import type { UnitTable } from '../core/numbers.js';

export interface MatrixReading {
  indicators: IndicatorValue[];
  diagnostics: Diagnostic[];
}

interface Slot {
  column: ColumnEntry;
  /** Unit stated in the header cell (本年收费金额（单位：万元）). */
  unit: string | null;
}

type HeaderItem = Slot | { group: string };

interface Found {
  entry: RowEntry;
  labelCol: number;
  /** Similarity when the label matched only approximately. */
  fuzzy: number | null;
  /** Matched by its place in its group (numbering) rather than by its words. */
  approximate: boolean;
}

/** Likeness a label needs to be read by its place (its group and numbering agree). */
const POSITION_THRESHOLD = 0.5;

interface RowParts {
  labels: { col: number; label: NormalizedLabel }[];
  values: { col: number; parsed: ParsedValue }[];
}

/** Split a row into its label cells and the value cells after the last label. */
function splitRow(row: LabelledRow, units: UnitTable): RowParts {
  // One parse per cell. Spanned copies are never values, but whether they are labels depends on their text
  // (a copy of 251000元 is not a label).
  const own = row.cells.map((c) => (c.text.trim() === '' ? BLANK : parseOwnText(c, units)));
  const kinds = own.map((p) => p.kind);
  const parsed = row.cells.map((c, i) => (c.spanned ? BLANK : (own[i] as ParsedValue)));
  let last = -1;
  // A label is Han text that is not a value; a bare numbering ("(三)") counts, as context.
  const isLabel = (l: NormalizedLabel | null | undefined, i: number): l is NormalizedLabel => !!l && (l.key !== '' || l.level > 0) && kinds[i] === 'text';
  row.labels.forEach((l, i) => {
    if (isLabel(l, i)) last = i;
  });
  const labels: RowParts['labels'] = [];
  for (let i = 0; i <= last; i++) {
    const l = row.labels[i];
    if (!isLabel(l, i)) continue;
    if (labels.at(-1)?.label.text === l.text) continue; // a spanned copy of the previous label
    labels.push({ col: i, label: l });
  }
  const values: RowParts['values'] = [];
  for (let i = last + 1; i < row.cells.length; i++) {
    if (row.cells[i]?.spanned) continue;
    values.push({ col: i, parsed: parsed[i] ?? BLANK });
  }
  return { labels, values };
}

const isValue = (p: ParsedValue): boolean => p.kind === 'number' || p.kind === 'text';

/** Value cells up to the last one that holds something: trailing cells are merge padding. */
function valueCount(values: RowParts['values']): number {
  let n = values.length;
  while (n > 0 && !isValue((values[n - 1] as RowParts['values'][number]).parsed)) n--;
  return n;
}

function headerUnit(text: string, units: UnitTable): string | null {
  const m = /单位[:：]?\s*([^\s)）,，;；]{1,3})/.exec(text.normalize('NFKC'));
  const u = m?.[1];
  return u && units.units.includes(u) ? u : null;
}

class MatrixReader {
  private readonly indicators: IndicatorValue[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly seen = new Map<string, number>();
  private readonly mixed = new Set<string>();
  private header: HeaderItem[] | null = null;
  private headerRow = -2;
  /** Grid column of the header's first value column (where values start under it). */
  private headerStart: number | null = null;
  private previous: LabelEntry | null = null;
  private readonly units: UnitTable;

  constructor(
    private readonly table: MatrixTableEntry,
    private readonly siblings: MatrixTableEntry[],
    catalogue: Catalogue,
  ) {
    this.units = catalogue.units;
  }

  private column(key: string): ColumnEntry | undefined {
    return this.table.columnIndex.get(key) ?? this.siblings.find((s) => s.columnIndex.has(key))?.columnIndex.get(key);
  }

  private rowCandidates(key: string): RowEntry[] {
    const own = this.table.rowIndex.get(key);
    if (own) return own;
    for (const s of this.siblings) {
      const c = s.rowIndex.get(key);
      if (c) return c;
    }
    return [];
  }

  /** The indicator of a row × column, in this form or, for a mixed copy, a sibling form. */
  private cell(id: string): IndicatorEntry | undefined {
    const own = this.table.byId.get(id);
    if (own) return own;
    for (const s of this.siblings) {
      const c = s.byId.get(id);
      if (c) {
        this.mixed.add(`${id} (form ${c.form})`);
        return c;
      }
    }
    return undefined;
  }

  private isHeader(parts: RowParts): boolean {
    if (parts.values.some((v) => isValue(v.parsed))) return false;
    const cols = parts.labels.filter(({ label }) => this.column(label.key) || this.table.groupKeys.has(label.key));
    // Where row names stand in the header (表四's 行政复议 | 行政诉讼), a row of names alone is a header row.
    if (this.table.rowInHeader && parts.labels.length > 0 && parts.labels.every(({ label }) => this.column(label.key) || this.rowCandidates(label.key).length > 0)) return true;
    if (cols.length === 0) return false;
    if (parts.labels.some(({ label }) => label.level > 0)) return false; // numbered labels name rows
    const rows = parts.labels.filter(({ label }) => this.rowCandidates(label.key).length > 0 && !this.column(label.key));
    return this.table.rowInHeader || rows.length === 0;
  }

  private readHeader(parts: RowParts, row: LabelledRow): void {
    const items: HeaderItem[] = [];
    let first: number | null = null;
    for (const { col, label } of parts.labels) {
      if (row.cells[col]?.spanned) continue;
      const column = this.column(label.key);
      if (column) items.push({ column, unit: headerUnit(label.text, this.units) });
      else if (this.table.groupKeys.has(label.key)) items.push({ group: label.key });
      else continue;
      first ??= col;
    }
    const pending = this.headerRow === row.index - 1 ? this.header : null;
    const g = pending?.findIndex((x) => 'group' in x) ?? -1;
    if (pending && g >= 0) {
      // The row under a group header (法人或其他组织) fills the group's place.
      this.header = [...pending.slice(0, g), ...items.filter((x) => !('group' in x)), ...pending.slice(g + 1)];
    } else {
      this.header = items;
      this.headerStart = first;
    }
    this.headerRow = row.index;
  }

  private findRow(parts: RowParts): Found | null {
    // Earlier label cells in the row are context for later ones (（三）不予公开 | 1.属于国家秘密).
    let context: LabelEntry | null = this.previous;
    let found: Found | null = null;
    for (const { col, label } of parts.labels) {
      if (label.key === '' || this.table.structureKeys.has(label.key)) continue;
      const cands = (label.noteKey !== label.key ? this.rowCandidates(label.noteKey) : []).length > 0 ? this.rowCandidates(label.noteKey) : this.rowCandidates(label.key);
      if (cands.length === 0) continue;
      const entry = choose(cands, label, context, this.seen);
      context = entry;
      found = { entry, labelCol: col, fuzzy: null, approximate: false };
    }
    const innermost = parts.labels.filter(({ label }) => label.key !== '' && !this.table.structureKeys.has(label.key)).at(-1);
    // The innermost label names the row; an outer one that matched is only its group (a misprint under （三）不予公开
    // is not the row 不予公开): read the innermost by its place in the group, or not at all.
    const group = found?.entry;
    if (found && group && innermost && found.labelCol !== innermost.col && innermost.label.level > 0 && this.table.rows.some((r) => r.parent === group.id)) {
      return this.byPosition(innermost.label, group, innermost.col);
    }
    if (found) return found;
    const last = parts.labels.at(-1);
    if (!last) return null;
    const f = fuzzyCandidates(last.label.key, this.table.rows);
    const first = f.cands[0];
    return first ? { entry: choose(f.cands, last.label, this.previous, this.seen), labelCol: last.col, fuzzy: f.score, approximate: false } : null;
  }

  /**
   * A printed label that is not the form's label at its place (2.其他法律行政止公开 for
   * 2.其他法律行政法规禁止公开): the row of the group with the same numbering, if the labels are alike.
   */
  private byPosition(label: NormalizedLabel, group: RowEntry, col: number): Found | null {
    const children = this.table.rows.filter((r) => r.parent === group.id && !this.seen.has(`${r.id}.${r.columns[0] ?? ''}`));
    const numbered = label.ordinal === null ? [] : children.filter((r) => r.ordinal === label.ordinal);
    let best: { entry: RowEntry; score: number } | null = null;
    for (const r of numbered.length > 0 ? numbered : children) {
      const score = Math.max(...r.keys.map((k) => similarity(label.key, k)));
      if (!best || score > best.score) best = { entry: r, score };
    }
    // Numbering and place agree: a looser likeness suffices than for a label matched on its own.
    const threshold = numbered.length > 0 ? POSITION_THRESHOLD : FUZZY_THRESHOLD;
    return best && best.score >= threshold ? { entry: best.entry, labelCol: col, fuzzy: best.score, approximate: true } : null;
  }

  private slotsFor(entry: RowEntry, count: number): Slot[] {
    const own = entry.columns.flatMap((k) => {
      const column = this.table.columns.find((c) => c.key === k);
      return column ? [{ column, unit: null }] : [];
    });
    const header = this.header?.filter((x): x is Slot => !('group' in x)) ?? [];
    const headerFits = header.length > 0 && header.length === this.header?.length && header.every((s) => this.cell(`${entry.id}.${s.column.key}`));
    if (headerFits && (header.length === count || own.length !== count)) return header;
    return own;
  }

  private emit(ind: IndicatorEntry, row: LabelledRow, col: number, parsed: ParsedValue, label: string, unit: string | null): void {
    const loc = cellLocation(row.cells[col], row.index, col);
    const first = this.seen.get(ind.id);
    const earlier = first === undefined ? undefined : this.indicators.findIndex((v) => v.id === ind.id);
    // The row just above left this cell blank and this line has its value (the label cell merged away over
    // two lines): the value belongs to that row's cell, and says so.
    if (first !== undefined && earlier !== undefined && earlier >= 0 && row.index - first <= 2 && this.indicators[earlier]?.raw === '' && parsed.kind !== 'blank') {
      this.diagnostics.push(
        diagnostic(
          'value-below-label',
          { id: ind.id, first, value: parsed.raw, row: row.index },
          {
            id: ind.id,
            cell: loc,
            label,
            actual: parsed.raw,
          },
        ),
      );
      this.indicators.splice(earlier, 1);
      this.seen.delete(ind.id);
    } else if (first !== undefined && parsed.kind === 'blank') {
      // A blank copy (a rowspan's second line) adds nothing and loses nothing.
      return;
    } else if (first !== undefined) {
      this.diagnostics.push(
        diagnostic(
          'duplicate-indicator',
          { id: ind.id, first, value: parsed.raw },
          {
            id: ind.id,
            cell: loc,
            label,
            actual: parsed.raw,
          },
        ),
      );
      return;
    }
    this.seen.set(ind.id, row.index);
    const printedUnit = parsed.unit ?? unit;
    if (parsed.value !== null && printedUnit === null && ind.unit !== null && this.units.moneyUnits.includes(ind.unit)) {
      this.diagnostics.push(diagnostic('unit-assumed', { id: ind.id, raw: parsed.raw, unit: ind.unit }, { id: ind.id, cell: loc, expected: ind.unit }));
    }
    this.indicators.push(indicatorValue(ind, { parsed, col, fromUnitColumn: false, printedUnit }, loc, label, this.units, this.diagnostics));
    this.lastCells.set(col, { ind, unit, label, row: row.index });
  }

  /** The cells the last labelled row was read into, by column: where a value on the line below may belong. */
  private lastCells = new Map<number, { ind: IndicatorEntry; unit: string | null; label: string; row: number }>();

  /** A line with no label of its own whose values stand under blank cells of the row above: that row's values. */
  private continuation(row: LabelledRow, parts: RowParts): boolean {
    const filled = parts.values.filter((v) => isValue(v.parsed));
    if (filled.length === 0) return false;
    const open = (cell: { ind: IndicatorEntry; row: number } | undefined): boolean => !!cell && row.index - cell.row <= 2 && this.indicators.some((x) => x.id === cell.ind.id && x.raw === '');
    let targets = filled.map((v) => ({ v, cell: this.lastCells.get(v.col) }));
    if (!targets.every(({ cell }) => open(cell))) {
      // The values drifted left (增1423 | 1844 in the label's place): the row's blank cells, in order, if they are as many.
      const blanks = [...this.lastCells.entries()]
        .sort((a, b) => a[0] - b[0])
        .map(([, c]) => c)
        .filter((c) => open(c));
      if (blanks.length !== filled.length) return false;
      targets = filled.map((v, i) => ({ v, cell: blanks[i] }));
    }
    for (const { v, cell } of targets) if (cell) this.emit(cell.ind, row, v.col, v.parsed, cell.label, cell.unit);
    return true;
  }

  /** Start column of the last row's values, to align the next one. */
  private lastStart: number | null = null;

  /**
   * Which `n` of a row's value cells are its values. Rows carry extra empty
   * cells where a label's colspan or a merged value's padding became cells;
   * the window must hold every filled cell, and where several do, the one
   * starting in the column the previous row started in wins.
   */
  private window(values: RowParts['values'], n: number): RowParts['values'] {
    if (values.length <= n) return values;
    const filled = values.flatMap((v, i) => (v.parsed.kind === 'blank' ? [] : [i]));
    const first = filled[0] ?? 0;
    const last = filled.at(-1) ?? 0;
    const starts: number[] = [];
    for (let s = Math.max(0, last - n + 1); s <= Math.min(first, values.length - n); s++) starts.push(s);
    if (starts.length === 0) {
      // The row's values spread wider than its cells (padding pushed the last past the header's last column):
      // the last value is the row's last cell (总计, as the header count says), the others stand from the
      // header's first value column; what fits neither is reported by extra-values, never shifted into a cell.
      if (filled.length > n) return values; // more filled cells than slots: extra-values reports them
      // Where the rows above start, else under the header's first value column, else at the first value.
      const at = (col: number | null): number => values.findIndex((v) => v.col === col);
      const from = [at(this.lastStart), at(this.headerStart), first].find((i) => i >= 0 && i <= first) ?? first;
      const lead = values.slice(from, from + n - 1);
      const tail = values[last] as RowParts['values'][number];
      if (lead.includes(tail)) return values;
      const between = values.slice(from + n - 1, last).filter((v) => v.parsed.kind !== 'blank');
      const before = values.slice(0, from).filter((v) => v.parsed.kind !== 'blank');
      return [...lead, tail, ...before, ...between];
    }
    // Under the header's first value column, where the header's position is one of the choices; else flush
    // with the row's end (rows end in the same column even where pipe text drops the cells a rowspan covers
    // at their start); else the start column of the row above; else the leftmost.
    const underHeader = starts.find((s) => values[s]?.col === this.headerStart);
    const flush = starts.includes(values.length - n) ? values.length - n : undefined;
    const aligned = starts.find((s) => values[s]?.col === this.lastStart);
    const start = underHeader ?? flush ?? aligned ?? (starts[0] as number);
    return values.slice(start, start + n);
  }

  private assign(row: LabelledRow, parts: RowParts, ids: { id: string; unit: string | null }[], label: string): void {
    const values = this.window(parts.values, ids.length);
    if (values[0] && values.length >= ids.length) this.lastStart = values[0].col;
    const extra = values.slice(ids.length).filter((v) => v.parsed.kind !== 'blank');
    if (extra.length > 0) {
      this.diagnostics.push(
        diagnostic(
          'extra-values',
          { what: 'row', label, count: values.length, cells: ids.length, extra: extra.map((e) => e.parsed.raw) },
          {
            cell: cellLocation(row.cells[extra[0]?.col ?? 0], row.index, extra[0]?.col ?? 0),
            label,
            actual: extra.map((e) => e.parsed.raw),
          },
        ),
      );
    }
    values.slice(0, ids.length).forEach((v, i) => {
      const slot = ids[i];
      if (!slot) return;
      const ind = this.cell(slot.id);
      if (!ind) {
        this.diagnostics.push(
          diagnostic(
            'unknown-row',
            { what: 'cell', label, id: slot.id, form: this.table.form, value: v.parsed.raw },
            {
              cell: cellLocation(row.cells[v.col], row.index, v.col),
              label,
              actual: v.parsed.raw,
            },
          ),
        );
        return;
      }
      this.emit(ind, row, v.col, v.parsed, label, slot.unit);
    });
  }

  /**
   * A blank form of a known layout (table 四 with its header and no value row, as the blank template
   * has it): its cells are read as blank, under their header columns, rather than as missing.
   */
  private blankSequence(lg: LabelledGrid): void {
    const seq = this.table.sequence;
    if (!seq || this.indicators.length > 0 || this.headerRow < 0) return;
    const width = lg.rows[0]?.cells.length ?? 0;
    if (width < seq.length) return;
    const row = this.headerRow + 1;
    const cells = seq.map((id, i) => ({ id, col: width - seq.length + i }));
    for (const { id, col } of cells) {
      const ind = this.cell(id);
      if (!ind) continue;
      this.seen.set(id, row);
      this.indicators.push({ id, value: null, unit: ind.unit, raw: '', label: this.table.title, cell: { row, col } });
    }
    this.diagnostics.push(diagnostic('blank-form', { table: this.table.table, count: seq.length }, { cell: { row }, actual: seq.length }));
  }

  read(lg: LabelledGrid): MatrixReading {
    for (const row of lg.rows) {
      const parts = splitRow(row, this.units);
      if (parts.labels.length === 0 && !parts.values.some((v) => isValue(v.parsed))) continue;
      if (this.isHeader(parts)) {
        this.readHeader(parts, row);
        continue;
      }
      const labelText = parts.labels.map((l) => row.cells[l.col]?.text ?? '').join(' / ');
      if (parts.labels.length > 0 && parts.labels.every(({ label }) => this.table.structureKeys.has(label.key))) continue;
      const found = parts.labels.length > 0 ? this.findRow(parts) : null;
      if (found) {
        const { entry } = found;
        const label = row.cells[found.labelCol]?.text ?? entry.label;
        this.previous = entry;
        if (found.fuzzy !== null) {
          // A near miss at the row's own place (a misprint) names the form's label; any other approximate match only scores it.
          this.diagnostics.push(
            diagnostic(
              found.approximate ? 'label-approximate' : 'fuzzy-match',
              { label, id: entry.id, formLabel: entry.label, score: found.fuzzy },
              {
                id: entry.id,
                cell: cellLocation(row.cells[found.labelCol], row.index, found.labelCol),
                label,
                ...(found.approximate ? { expected: entry.label } : {}),
                actual: Number(found.fuzzy.toFixed(3)),
              },
            ),
          );
        }
        // A derived subtotal's row counts only where the publisher printed numbers in it.
        if (entry.virtual && entry.columns.length > 0 && !parts.values.some((v) => isValue(v.parsed))) continue;
        if (entry.columns.length === 0) {
          const v = parts.values.find((x) => isValue(x.parsed));
          if (v)
            this.diagnostics.push(
              diagnostic(
                'value-in-header-row',
                { id: entry.id, value: v.parsed.raw, kept: false },
                {
                  id: entry.id,
                  cell: cellLocation(row.cells[v.col], row.index, v.col),
                  actual: v.parsed.raw,
                },
              ),
            );
          continue;
        }
        const count = valueCount(parts.values);
        const slots = this.slotsFor(entry, count);
        const seq = this.table.sequence;
        if (seq && count === seq.length && slots.length !== count) {
          // Row names in the header (table 四): the label found is a header word, the values the whole sequence.
          this.assign(
            row,
            parts,
            seq.map((id) => ({ id, unit: null })),
            label,
          );
        } else {
          this.assign(
            row,
            parts,
            slots.map((s) => ({ id: `${entry.id}.${s.column.key}`, unit: s.unit })),
            label,
          );
        }
        continue;
      }
      const numbers = parts.values.filter((v) => isValue(v.parsed));
      const seq = this.table.sequence;
      // A row of values with no label, as long as the printed sequence (表四's 15 cells; blanks count).
      const cells = parts.values.filter((v) => v.parsed.kind !== 'blank' || !row.cells[v.col]?.spanned);
      if (seq && numbers.length > 0 && parts.labels.length === 0 && cells.length >= seq.length && numbers.length <= seq.length) {
        this.assign(
          row,
          { labels: parts.labels, values: cells },
          seq.map((id) => ({ id, unit: null })),
          this.table.title,
        );
        continue;
      }
      if (seq && numbers.length >= seq.length && numbers.length <= seq.length + 1) {
        this.assign(
          row,
          { labels: parts.labels, values: numbers },
          seq.map((id) => ({ id, unit: null })),
          labelText || this.table.title,
        );
        continue;
      }
      const at = parts.labels[0]?.col ?? parts.values[0]?.col ?? 0;
      if (parts.labels.length === 0 && this.continuation(row, parts)) continue;
      if (numbers.length > 0) {
        this.diagnostics.push(
          diagnostic(
            'unknown-row',
            { what: 'row', label: labelText, form: this.table.form, table: this.table.table, value: numbers.map((n) => n.parsed.raw) },
            { cell: cellLocation(row.cells[at], row.index, at), label: labelText, actual: numbers.map((n) => n.parsed.raw) },
          ),
        );
      } else {
        this.diagnostics.push(diagnostic('unmatched-text-row', { what: 'row', label: labelText }, { cell: cellLocation(row.cells[at], row.index, at), label: labelText }));
      }
    }
    if (this.mixed.size > 0) {
      this.diagnostics.push(diagnostic('form-mixed', { what: 'table', form: this.table.form, others: [...this.mixed] }, { actual: [...this.mixed] }));
    }
    this.blankSequence(lg);
    this.diagnostics.push(...missingIndicators(this.table.indicators, new Set(this.seen.keys()), this.table.form));
    return { indicators: this.indicators, diagnostics: this.diagnostics };
  }
}

/** Read a recognised matrix table. `siblings`: the same table in other forms, for mixed copies. */
export function readMatrix(lg: LabelledGrid, rec: MatrixRecognition, catalogue: Catalogue): MatrixReading {
  const siblings = catalogue.forms.filter((f) => f.form !== rec.form.form).flatMap((f) => f.tables.filter((t): t is MatrixTableEntry => t.layout === 'matrix' && t.table === rec.table.table));
  return new MatrixReader(rec.table, siblings, catalogue).read(lg);
}
