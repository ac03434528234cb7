// Stage (list tables): runs of digits whose cell boundaries were lost
// (extract/glued.ts) → the row's values. Every way of cutting a run into the
// row's value cells is a candidate (no leading zeros but a lone 0, no value
// longer than a count can be, spaces kept as boundaries); the form's sums,
// taken in each value column, and "a running total is at least the year's
// figure" rule candidates out. A row is split only where exactly one candidate
// is left; otherwise nothing is emitted for it and a diagnostic lists what
// remained. Never a guess.

import type { Catalogue, IdentityEntry, RowEntry } from '../catalogue/index.js';
import { diagnostic } from '../core/diagnostics.js';
import type { Diagnostic } from '../core/types.js';
import type { MatchedRow } from './match.js';
import { choose } from './match.js';
import type { LabelledGrid, LabelledRow } from './normalize.js';
import type { ListRecognition, MatrixRecognition } from './recognize.js';

/** More candidates than this for one run: not enumerated, the run is ambiguous. */
const MAX_CANDIDATES = 5000;
/** More combinations than this for one sum: that sum does not narrow its rows. */
const MAX_COMBINATIONS = 50_000;

/** Every cut of `run` into `k` values: spaces are boundaries, no leading zeros but a lone 0, at most `digits` digits each. */
function cuts(run: string, k: number, digits: number): number[][] | null {
  const groups = run.trim().split(/\s+/);
  const out: number[][] = [];
  const walk = (g: number, pos: number, acc: number[]): boolean => {
    if (out.length > MAX_CANDIDATES) return false;
    const group = groups[g];
    if (group === undefined) {
      if (acc.length === k) out.push([...acc]);
      return true;
    }
    if (pos === group.length) return walk(g + 1, 0, acc);
    if (acc.length >= k) return true;
    for (let len = 1; len <= Math.min(digits, group.length - pos); len++) {
      const s = group.slice(pos, pos + len);
      if (s.length > 1 && s.startsWith('0')) break;
      acc.push(Number(s));
      if (!walk(g, pos + len, acc)) return false;
      acc.pop();
    }
    return true;
  };
  return walk(0, 0, []) ? out : null;
}

interface Slot {
  row: number;
  /** Candidate value lists, one value per cell of the row. */
  candidates: number[][];
}

/** A cell a sum names: the row's slot and the cell's place in it. */
interface Place {
  slot: Slot;
  pos: number;
}

const total = (xs: number[]): number => xs.reduce((s, x) => s + x, 0);

/** Keep, for every row a sum touches, only the candidates some choice of the others satisfies. */
function narrow(cells: Map<string, Place>, left: string[], right: string[], relation: '=' | '<='): boolean {
  const ids = [...left, ...right];
  if (!ids.every((id) => cells.has(id))) return false;
  const places = ids.map((id) => cells.get(id) as Place);
  const slots = [...new Set(places.map((p) => p.slot))];
  let combos = 1;
  for (const r of slots) combos *= r.candidates.length;
  if (combos > MAX_COMBINATIONS || combos === 0) return false;
  const keep = slots.map(() => new Set<number>());
  const pick: number[] = new Array(slots.length).fill(0);
  for (let n = 0; n < combos; n++) {
    let rest = n;
    for (let i = 0; i < slots.length; i++) {
      const len = (slots[i] as Slot).candidates.length;
      pick[i] = rest % len;
      rest = Math.floor(rest / len);
    }
    const value = (p: Place): number => (p.slot.candidates[pick[slots.indexOf(p.slot)] as number] as number[])[p.pos] as number;
    const l = total(places.slice(0, left.length).map(value));
    const r = total(places.slice(left.length).map(value));
    if (relation === '=' ? Math.abs(l - r) < 1e-9 : l <= r + 1e-9) slots.forEach((_, i) => keep[i]?.add(pick[i] as number));
  }
  let changed = false;
  slots.forEach((s, i) => {
    const k = keep[i] as Set<number>;
    if (k.size < s.candidates.length) {
      s.candidates = s.candidates.filter((_, j) => k.has(j));
      changed = true;
    }
  });
  return changed;
}

/** Narrow every slot by every sum, until nothing changes. */
function solve(cells: Map<string, Place>, sums: { left: string[]; right: string[]; relation: '=' | '<=' }[]): void {
  for (let pass = 0; pass < 6; pass++) {
    let changed = false;
    for (const s of sums) changed = narrow(cells, s.left, s.right, s.relation) || changed;
    if (!changed) break;
  }
}

export interface Unglued {
  lg: LabelledGrid;
  diagnostics: Diagnostic[];
}

/**
 * Split the glued runs of a list table. `kinds` are the value columns' kinds (year / cumulative / other);
 * `identities` those that hold in the table's form and variant.
 */
export function unglue(lg: LabelledGrid, rec: ListRecognition, matched: MatchedRow[], identities: IdentityEntry[], kinds: string[], catalogue: Catalogue): Unglued {
  const valueCols = rec.columns.valueCols.map((v) => v.col);
  const k = Math.max(1, valueCols.length);
  const first = valueCols[0];
  const glued = lg.rows.filter((r) => r.cells.some((c) => c.glued));
  if (glued.length === 0 || first === undefined) return { lg, diagnostics: [] };
  const digits = catalogue.units.maxCountDigits;
  const slots = new Map<string, Slot>();
  const runs = new Map<number, string>();
  const cells = new Map<string, Place>();
  for (const m of matched) {
    if (!m.indicator || m.duplicateOf !== null) continue;
    const row = lg.rows.find((r) => r.index === m.row);
    const cell = row?.cells.find((c) => c.glued);
    if (!row || !cell) continue;
    runs.set(m.row, cell.text);
    const candidates = (cuts(cell.text, k, digits) ?? []).filter((c) => kinds.every((kind, i) => kind !== 'cumulative' || i === 0 || (c[i] as number) >= (c[0] as number)));
    const slot = { row: m.row, candidates };
    slots.set(m.indicator.id, slot);
    for (let pos = 0; pos < k; pos++) cells.set(`${m.indicator.id}#${pos}`, { slot, pos });
  }
  // The form's sums hold in each value column.
  const sums = identities.flatMap((idn) =>
    Array.from({ length: k }, (_, col) => ({ left: idn.left.map((id) => `${id}#${col}`), right: idn.right.map((id) => `${id}#${col}`), relation: idn.relation })),
  );
  solve(cells, sums);
  const diagnostics: Diagnostic[] = [];
  const cleared = new Set<number>();
  const rows = lg.rows.map((r) => ({ ...r, cells: [...r.cells] }));
  for (const [id, slot] of slots) {
    const row = rows.find((r) => r.index === slot.row);
    if (!row) continue;
    const run = runs.get(slot.row) ?? '';
    const at = row.cells.findIndex((c) => c.glued);
    const origin = row.cells[at]?.origin ?? {};
    const cell = { ...row.cells[at], origin, cell: { row: slot.row, col: at } };
    if (slot.candidates.length === 1) {
      const values = slot.candidates[0] as number[];
      valueCols.forEach((c, i) => {
        row.cells[c] = { text: String(values[i]), origin, spanned: false };
      });
      diagnostics.push(diagnostic('glued-split', { run, id, cut: values }, { id, cell: cell.cell, actual: values }));
    } else {
      cleared.add(slot.row);
      const shown = slot.candidates.slice(0, 6).map((c) => c.join(' | '));
      diagnostics.push(diagnostic('glued-ambiguous', { run, id, count: slot.candidates.length, cuts: shown }, { id, cell: cell.cell, actual: shown }));
    }
  }
  // Rows left ambiguous are read as nothing at all (not as blanks): their cells are cleared, label included.
  const out = rows.map((r) => (cleared.has(r.index) ? { ...r, cells: r.cells.map((c) => ({ ...c, text: '', glued: false })), labels: r.labels.map(() => null) } : r));
  return { lg: { grid: { ...lg.grid, rows: out.map((r) => r.cells) }, rows: out }, diagnostics };
}

/** A value cell whose digits cannot be one value of a count: leading zeros (000023), the mark of cells run together. */
const RUN_TOGETHER = /^0\d/;

/**
 * Split the glued rows of a matrix table (`一、本年新收政府信息公开申请数量230 000023` → 23 0 0 0 0 0 23): a row
 * whose value cells are marked glued, or hold a number with leading zeros, has its digits cut into the
 * row's cells by the row's and the table's sums.
 */
export function unglueMatrix(lg: LabelledGrid, rec: MatrixRecognition, identities: IdentityEntry[], catalogue: Catalogue): Unglued {
  const digits = catalogue.units.maxCountDigits;
  const cells = new Map<string, Place>();
  const found: { row: LabelledRow; entry: RowEntry; labelCols: number; run: string; slot: Slot }[] = [];
  let previous: RowEntry | null = null;
  for (const row of lg.rows) {
    const labelCols = row.labels.reduce((last, l, i) => (l && l.key !== '' && !row.cells[i]?.glued ? i + 1 : last), 0);
    const label = row.labels[labelCols - 1];
    const values = row.cells.slice(labelCols).filter((c) => !c.spanned && c.text.trim() !== '');
    if (!label) continue;
    const entry: RowEntry | null = rec.table.rowIndex.get(label.key) ? choose(rec.table.rowIndex.get(label.key) as RowEntry[], label, previous, new Set()) : null;
    if (!entry) continue;
    previous = entry;
    // Marked glued by the reader, or numbers that cannot stand alone: leading zeros, or several in one cell.
    // Or a row that has fewer cells than the form gives it, with at least as many digits as it has cells:
    // the cells ran together (a number that long in a row that short is not one count).
    const present = row.cells.slice(labelCols).filter((c) => !c.spanned).length;
    const short = present < entry.columns.length && values.map((c) => c.text.replace(/\D/g, '')).join('').length >= entry.columns.length;
    const glued = short || values.some((c) => c.glued || RUN_TOGETHER.test(c.text.trim()) || /\d\s+\d/.test(c.text) || (/^\d+$/.test(c.text.trim()) && c.text.trim().length > digits));
    if (!glued || entry.columns.length === 0 || values.length >= entry.columns.length) continue;
    const run = values.map((c) => c.text.trim()).join(' ');
    if (!/^[\d\s]+$/.test(run)) continue;
    const slot = { row: row.index, candidates: cuts(run, entry.columns.length, digits) ?? [] };
    entry.columns.forEach((col, pos) => cells.set(`${entry.id}.${col}`, { slot, pos }));
    found.push({ row, entry, labelCols, run, slot });
  }
  if (found.length === 0) return { lg, diagnostics: [] };
  solve(cells, identities);
  const diagnostics: Diagnostic[] = [];
  const rows = lg.rows.map((r) => {
    const f = found.find((x) => x.row.index === r.index);
    if (!f) return r;
    const at = { row: r.index, col: f.labelCols };
    if (f.slot.candidates.length === 1) {
      const values = f.slot.candidates[0] as number[];
      diagnostics.push(diagnostic('glued-split', { run: f.run, id: f.entry.id, cut: values }, { id: f.entry.id, cell: at, actual: values }));
      const origin = r.cells[f.labelCols]?.origin ?? {};
      const cellsOut = [...r.cells.slice(0, f.labelCols), ...values.map((v) => ({ text: String(v), origin, spanned: false }))];
      return { ...r, cells: cellsOut, labels: [...r.labels.slice(0, f.labelCols), ...values.map(() => null)] };
    }
    const shown = f.slot.candidates.slice(0, 6).map((c) => c.join(' | '));
    diagnostics.push(diagnostic('glued-ambiguous', { run: f.run, id: f.entry.id, count: f.slot.candidates.length, cuts: shown }, { id: f.entry.id, cell: at, actual: shown }));
    return { ...r, cells: r.cells.map((c) => ({ ...c, text: '', glued: false })), labels: r.labels.map(() => null) };
  });
  const width = Math.max(...rows.map((r) => r.cells.length));
  const padded = rows.map((r) =>
    r.cells.length < width
      ? {
          ...r,
          cells: [...r.cells, ...Array.from({ length: width - r.cells.length }, () => ({ text: '', origin: {}, spanned: true }))],
          labels: [...r.labels, ...Array.from({ length: width - r.labels.length }, () => null)],
        }
      : r,
  );
  return { lg: { grid: { ...lg.grid, rows: padded.map((r) => r.cells) }, rows: padded }, diagnostics };
}
