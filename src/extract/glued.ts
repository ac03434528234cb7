// Text whose cells ran together (a scraper or a text export dropped every
// boundary): `主动公开文件数条346085376其中：1、政府网站公开数条3460853762、…`.
// The line is cut where digits meet text: each row is its label, its unit
// (the unit words the catalogue knows, where printed) and one run of digits
// that holds all of the row's values. The runs are split later, by the
// table stage, once the form is known (table/unglue.ts); here they are kept
// whole and marked `glued`. A digit that numbers the next label (…3762、政府公报)
// goes with that label. Digits followed by 年 belong to the text (2016年度).

import type { Cell, Grid } from '../core/types.js';
import type { TextLine } from './pipe.js';

/** A glued line has at least this many labels with a run of digits after them. */
const MIN_ROWS = 4;

interface Row {
  label: string;
  unit: string | null;
  run: string;
}

/** Split a header chunk (指标名称计量单位2016年度历年累计) at the header words it is made of. */
function headerCells(chunk: string, words: readonly string[]): string[] {
  const out: string[] = [];
  let rest = chunk;
  while (rest !== '') {
    const at = words
      .map((w) => [w, rest.indexOf(w)] as const)
      .filter(([, i]) => i >= 0)
      .sort((a, b) => a[1] - b[1] || b[0].length - a[0].length)[0];
    if (!at) {
      out.push(rest);
      break;
    }
    const [w, i] = at;
    if (i > 0) out.push(rest.slice(0, i));
    out.push(w);
    rest = rest.slice(i + w.length);
  }
  // A year printed before its header word (2016 | 年度) is one header cell.
  return out.reduce<string[]>((acc, c) => {
    const prev = acc[acc.length - 1];
    if (prev !== undefined && /^\d{4}$/.test(prev)) acc[acc.length - 1] = `${prev}${c}`;
    else acc.push(c);
    return acc;
  }, []);
}

function glue(text: string, units: readonly string[], headerWords: readonly string[]): { header: string[] | null; rows: Row[] } | null {
  // Digits that belong to text: a year before 年, a numbering digit before 、/. and a label.
  const parts = text
    .replace(/\s+(?=\D)|(?<=\D)\s+/g, '')
    .split(/(\d[\d\s]*)/)
    .filter((p) => p !== '');
  const rows: Row[] = [];
  let header: string[] | null = null;
  let pending = '';
  const sortedUnits = [...units].sort((a, b) => b.length - a.length);
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i] as string;
    if (/^\d/.test(p)) {
      const next = parts[i + 1] ?? '';
      // Digits inside an open parenthesis are the label's own (…相同信息计1条）).
      const open = (pending.match(/[(（]/g) ?? []).length > (pending.match(/[)）]/g) ?? []).length;
      if (/^年/.test(next) || open) {
        pending += p;
        continue;
      }
      // The last digit numbers the next label (3460853762、政府公报 → …376 | 2、政府公报).
      let numbering = '';
      if (/^[、.．]/.test(next) && p.length > 1) {
        numbering = p.slice(-1);
        p = p.slice(0, -1);
      } else if (/^[、.．]/.test(next)) {
        pending += p;
        continue;
      }
      let label = pending;
      pending = numbering;
      if (rows.length === 0 && header === null) {
        // The text before the first run holds the header (指标名称计量单位2016年度历年累计) and the first row's label.
        const cells = headerCells(label, headerWords);
        const isHead = (c: string): boolean => headerWords.includes(c) || /^\d{4}年度?$/.test(c);
        const first = cells.findIndex(isHead);
        const last = cells.length - 1 - [...cells].reverse().findIndex(isHead);
        if (first >= 0) {
          header = cells.slice(first, last + 1);
          label = cells.slice(last + 1).join('');
        }
      }
      const unit = sortedUnits.find((u) => label.endsWith(u) && label.length > u.length) ?? null;
      const bare = unit ? label.slice(0, -unit.length) : label;
      rows.push({ label: bare, unit, run: p.trim() });
      continue;
    }
    // A unit right after a run is that row's (24条其中…), printed after its number.
    const after = rows.length > 0 && pending === '' ? sortedUnits.find((u) => p.startsWith(u)) : undefined;
    const last = rows[rows.length - 1];
    if (after && last && last.unit === null) {
      last.unit = after;
      p = p.slice(after.length);
    }
    pending += p;
  }
  return rows.filter((r) => r.unit !== null).length >= MIN_ROWS ? { header, rows } : null;
}

/** Grids for the glued lines among `lines` (outside `skip`): [label, unit, run, …blank value cells]. */
export function extractGluedGrids(lines: TextLine[], skip: ReadonlySet<number>, units: readonly string[], headerWords: readonly string[], firstIndex = 0): Grid[] {
  const grids: Grid[] = [];
  for (const l of lines) {
    // Sentences (commas, full stops) are prose, however many figures they state.
    if (skip.has(l.line) || l.text.length < 40 || !/\d/.test(l.text) || /[，。；;！？]|, /.test(l.text)) continue;
    const g = glue(l.text, units, headerWords);
    if (!g) continue;
    const origin = { line: l.line };
    const cell = (text: string, glued = false): Cell => ({ text, origin, spanned: false, ...(glued ? { glued: true } : {}) });
    const values = Math.max(1, (g.header?.length ?? 3) - 2);
    const width = 2 + values;
    const rows: Cell[][] = [];
    if (g.header) rows.push([...g.header.map((h) => cell(h)), ...Array.from({ length: Math.max(0, width - g.header.length) }, () => cell(''))]);
    for (const r of g.rows) rows.push([cell(r.label), cell(r.unit ?? ''), cell(r.run, true), ...Array.from({ length: values - 1 }, () => cell(''))]);
    grids.push({ rows, origin, index: firstIndex + grids.length });
  }
  return grids;
}
