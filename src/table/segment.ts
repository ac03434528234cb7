// Stage (before recognition): one grid may hold several official tables —
// a flattened page runs tables 二, 三 and 四 together, and some editors put
// all three in one <table>. Split the grid where its labels move to another
// table, taking the heading rows just above the switch along with it.

import type { Catalogue } from '../catalogue/index.js';
import type { LabelledGrid, LabelledRow } from './normalize.js';

/** The one table name a row's labels point to, or null when they point nowhere or to several. */
function rowTable(row: LabelledRow, catalogue: Catalogue): string | null {
  let found: string | null = null;
  for (const l of row.labels) {
    if (!l || l.key === '') continue;
    const tables = catalogue.tableKeys.get(l.key);
    if (tables?.size !== 1) continue; // unknown or shared (总计, 其他 …)
    const [t] = tables;
    if (found !== null && found !== t) return null;
    found = t ?? null;
  }
  return found;
}

const hasNumber = (row: LabelledRow): boolean => row.cells.some((c, i) => !row.labels[i] && /\d/.test(c.text));

/** How many of the next `window` rows point to `table`. */
function support(tables: (string | null)[], from: number, table: string, window = 6): number {
  let n = 0;
  for (let i = from; i < Math.min(tables.length, from + window); i++) if (tables[i] === table) n++;
  return n;
}

export function segmentGrid(lg: LabelledGrid, catalogue: Catalogue): LabelledGrid[] {
  const tables = lg.rows.map((r) => rowTable(r, catalogue));
  const cuts: number[] = [];
  let current: string | null = null;
  tables.forEach((t, i) => {
    if (t === null) return;
    if (current !== null && t !== current && support(tables, i, t) >= 2) {
      // Headings and notes just above belong to the table that follows.
      let cut = i;
      while (cut > (cuts.at(-1) ?? 0) + 1 && tables[cut - 1] === null && !hasNumber(lg.rows[cut - 1] as LabelledRow)) cut--;
      cuts.push(cut);
    }
    current = t;
  });
  if (cuts.length === 0) return [lg];
  const bounds = [0, ...cuts, lg.rows.length];
  const parts: LabelledGrid[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const rows = lg.rows.slice(bounds[k], bounds[k + 1]).map((r, index) => ({ ...r, index }));
    if (rows.length === 0) continue;
    const first = rows[0]?.cells.find((c) => c.origin.line !== undefined)?.origin.line;
    parts.push({ grid: { ...lg.grid, rows: rows.map((r) => r.cells), origin: first === undefined ? lg.grid.origin : { ...lg.grid.origin, line: first } }, rows });
  }
  return parts;
}
