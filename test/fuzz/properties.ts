// Properties for fast-check, shared by the quick pass in `npm test`
// (test/fuzz.test.ts) and the long one (`npm run fuzz`, scripts/fuzz.mjs).
//
// 1. Generated tables: any form of the catalogue, laid out as on paper,
//    filled with random numbers, blanks, placeholders and unit suffixes,
//    rendered as pipe text, HTML or a workbook, with traditional script,
//    ruby debris and stray spaces in the labels: it parses back to exactly
//    the generated values.
// 2. Mutated fixtures: byte flips, truncation, duplication of every fixture:
//    nothing but ParseError is thrown, and no value appears without a cell
//    text that reads as it or a diagnostic about it.

import fc from 'fast-check';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import * as OpenCC from 'opencc-js';
import * as XLSX from 'xlsx';
import { defaultCatalogue, type FormEntry } from '../../src/catalogue/index.js';
import { ParseError } from '../../src/core/diagnostics.js';
import { useZlib } from '../../src/extract/workbook.js';
import { paperSheets, type PaperSheet } from '../../src/output/paper-form.js';
import { parseReportAsync } from '../../src/parse-report.js';
import type { ReportResult } from '../../src/output/schema.js';
import { parseValue } from '../../src/core/numbers.js';

// As the command line does: native inflate, so a damaged workbook fails rather than loops.
process.noDeprecation = true;
useZlib(zlib);

const catalogue = defaultCatalogue();
const units = catalogue.units;

/** One cell's printed text and the value it should read as. */
interface CellCase {
  text: string;
  value: number | null;
}

const count = fc.oneof(
  { weight: 8, arbitrary: fc.nat(999).map((n): CellCase => ({ text: String(n), value: n })) },
  { weight: 2, arbitrary: fc.integer({ min: 1000, max: 999_999 }).map((n): CellCase => ({ text: n.toLocaleString('en-US'), value: n })) },
  { weight: 2, arbitrary: fc.constant<CellCase>({ text: '', value: null }) },
  { weight: 2, arbitrary: fc.constantFrom('—', '-', '/', '无').map((t): CellCase => ({ text: t, value: null })) },
  { weight: 1, arbitrary: fc.nat(999).map((n): CellCase => ({ text: `${String(n).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))}`, value: n })) },
);
const signed = fc.integer({ min: -500, max: 500 }).map((n): CellCase => ({ text: n > 0 && n % 2 === 0 ? `+${n}` : String(n), value: n }));
const money = fc.integer({ min: 0, max: 99_999 }).map((n): CellCase => ({ text: String(n / 100), value: n / 100 }));

export type Rendering = 'pipe' | 'html' | 'xlsx';

export interface GeneratedCase {
  form: string;
  rendering: Rendering;
  traditional: boolean;
  ruby: boolean;
  spaces: boolean;
  unitSuffix: boolean;
  cells: CellCase[];
}

function slotArbitrary(form: FormEntry, id: string, unitSuffix: boolean): fc.Arbitrary<CellCase> {
  const ind = form.tables.flatMap((t) => t.indicators).find((i) => i.id === id);
  if (ind?.signed) return signed;
  if (ind?.unit && units.moneyUnits.includes(ind.unit)) return money;
  if (!unitSuffix || !ind?.unit) return count;
  const unit = ind.unit;
  return count.map((c) => (c.value === null || c.text === '' ? c : { text: `${c.text}${unit}`, value: c.value }));
}

export const generatedCase: fc.Arbitrary<GeneratedCase> = fc
  .record({
    form: fc.constantFrom(...catalogue.forms.map((f) => f.form)),
    rendering: fc.constantFrom<Rendering>('pipe', 'html', 'xlsx'),
    traditional: fc.boolean(),
    ruby: fc.boolean(),
    spaces: fc.boolean(),
    unitSuffix: fc.boolean(),
  })
  .chain((base) => {
    const form = catalogue.forms.find((f) => f.form === base.form) as FormEntry;
    const slots = paperSheets(form).flatMap((l) => l.slots.map((s) => s.id));
    return fc.tuple(...slots.map((id) => slotArbitrary(form, id, base.unitSuffix))).map((cells) => ({ ...base, cells }));
  });

let toTrad: ((s: string) => string) | null = null;
function label(text: string, c: GeneratedCase): string {
  let t = text;
  if (c.traditional) t = (toTrad ??= OpenCC.Converter({ from: 'cn', to: 'hk' }))(t);
  if (c.ruby) t = t.replace(/政/g, '政(zhèng)').replace(/公/g, '公(gong)(gong)');
  if (c.spaces) t = t.replace(/(.)(.)/, '$1 $2');
  return t;
}

interface Filled {
  layouts: PaperSheet[];
  /** Text of every cell, labels transformed, values filled. */
  texts: (string | null)[][][];
  expected: Map<string, number | null>;
}

function fill(c: GeneratedCase): Filled {
  const form = catalogue.forms.find((f) => f.form === c.form) as FormEntry;
  const layouts = paperSheets(form);
  const expected = new Map<string, number | null>();
  let k = 0;
  const texts = layouts.map((l) => {
    const rows = l.rows.map((r) => r.map((x) => (x === null ? null : label(x, c))));
    for (const s of l.slots) {
      const cell = c.cells[k++] as CellCase;
      (rows[s.r] as (string | null)[])[s.c] = cell.text;
      expected.set(s.id, cell.value);
    }
    return rows;
  });
  // 表四's value row has no label: a row of blanks and placeholders is indistinguishable from an empty row.
  for (const l of layouts) {
    const table = form.tables.find((t) => t.table === l.table);
    if (table?.layout !== 'matrix' || !table.sequence) continue;
    if (table.sequence.every((id) => expected.get(id) === null)) for (const id of table.sequence) expected.delete(id);
  }
  return { layouts, texts, expected };
}

const covered = (l: PaperSheet, r: number, c: number): boolean => l.merges.some((m) => r >= m.r0 && r <= m.r1 && c >= m.c0 && c <= m.c1 && !(r === m.r0 && c === m.c0));

export function render(c: GeneratedCase): { bytes: Uint8Array | string; expected: Map<string, number | null> } {
  const { layouts, texts, expected } = fill(c);
  if (c.rendering === 'xlsx') {
    const wb = XLSX.utils.book_new();
    layouts.forEach((l, i) => {
      const aoa = (texts[i] ?? []).map((row) => row.map((t) => (t !== null && /^\d+$/.test(t) ? Number(t) : t)));
      const ws = XLSX.utils.aoa_to_sheet(aoa);
      ws['!merges'] = l.merges.map((m) => ({ s: { r: m.r0, c: m.c0 }, e: { r: m.r1, c: m.c1 } }));
      XLSX.utils.book_append_sheet(wb, ws, `S${i}`);
    });
    return { bytes: new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), expected };
  }
  if (c.rendering === 'html') {
    const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const tables = layouts.map((l, i) => {
      const rows = (texts[i] ?? []).map((row, r) => {
        const tds = row.flatMap((t, col) => {
          if (covered(l, r, col)) return [];
          const m = l.merges.find((x) => x.r0 === r && x.c0 === col);
          const span = m ? `${m.r1 > m.r0 ? ` rowspan="${m.r1 - m.r0 + 1}"` : ''}${m.c1 > m.c0 ? ` colspan="${m.c1 - m.c0 + 1}"` : ''}` : '';
          return [`<td${span}>${t === null || t === '' ? '&nbsp;' : esc(t)}</td>`];
        });
        return `<tr>${tds.join('')}</tr>`;
      });
      return `<p>${esc(l.name)}</p>\n<table border="1">\n${rows.join('\n')}\n</table>`;
    });
    return { bytes: `<html><head><meta charset="utf-8"></head><body><p>报告正文。</p>\n${tables.join('\n')}\n<p>以上。</p></body></html>`, expected };
  }
  // Pipe text as scrapers print it: one cell per <td>, a colspan as empty cells, rowspan-covered cells left out.
  const blocks = layouts.map((l, i) => {
    const lines = (texts[i] ?? []).map((row, r) => {
      const cells = row.flatMap((t, col) => {
        if (!covered(l, r, col)) return [t ?? ''];
        const inRow = l.merges.some((m) => m.r0 === r && r <= m.r1 && col > m.c0 && col <= m.c1);
        return inRow ? [''] : [];
      });
      return `| ${cells.join(' | ')} |`;
    });
    return `${l.name}\n${lines.join('\n')}`;
  });
  return { bytes: `报告正文。\n${blocks.join('\n\n')}\n以上。\n`, expected };
}

/** Property 1: a generated table parses back to its values. Returns a description of the first difference, or null. */
export async function checkGenerated(c: GeneratedCase): Promise<string | null> {
  const { bytes, expected } = render(c);
  const r = await parseReportAsync(bytes);
  const got = new Map(r.tables.flatMap((t) => t.indicators.map((i) => [i.id, i.value] as const)));
  for (const [id, v] of expected) {
    if (!got.has(id)) return `${id} missing (expected ${v})`;
    if (got.get(id) !== v) return `${id}: expected ${v}, got ${got.get(id)}`;
  }
  for (const id of got.keys()) if (!expected.has(id)) return `${id} emitted but not generated`;
  return null;
}

/** Property 2's invariant on one result: every value stems from its cell text or has a diagnostic. */
export function unexplainedValues(r: ReportResult): string[] {
  const out: string[] = [];
  for (const t of r.tables) {
    for (const i of t.indicators) {
      if (i.value === null) continue;
      if (i.raw.trim() === '') {
        out.push(`${i.id}: value ${i.value} from an empty cell`);
        continue;
      }
      const explained = t.diagnostics.some((d) => d.id === i.id) || i.cell.ref !== undefined; // workbook cells hold numbers
      const reread = parseValue(i.raw, units).value;
      if (reread !== i.value && !explained) out.push(`${i.id}: value ${i.value} but the cell reads "${i.raw}"`);
    }
  }
  return out;
}

export type Mutation = { kind: 'flip'; at: number[]; xor: number[] } | { kind: 'truncate'; at: number } | { kind: 'duplicate'; from: number; length: number; to: number };

export const mutation = (size: number): fc.Arbitrary<Mutation> =>
  fc.oneof(
    fc.record({
      kind: fc.constant<'flip'>('flip'),
      at: fc.array(fc.nat(Math.max(0, size - 1)), { minLength: 1, maxLength: 8 }),
      xor: fc.array(fc.integer({ min: 1, max: 255 }), { minLength: 8, maxLength: 8 }),
    }),
    fc.record({ kind: fc.constant<'truncate'>('truncate'), at: fc.nat(size) }),
    fc.record({ kind: fc.constant<'duplicate'>('duplicate'), from: fc.nat(size), length: fc.nat(4096), to: fc.nat(size) }),
  );

export function mutate(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'truncate') return bytes.subarray(0, m.at);
  if (m.kind === 'flip') {
    const out = Uint8Array.from(bytes);
    m.at.forEach((a, k) => {
      if (a < out.length) out[a] = (out[a] as number) ^ (m.xor[k] ?? 1);
    });
    return out;
  }
  const slice = bytes.subarray(m.from, m.from + m.length);
  const to = Math.min(m.to, bytes.length);
  const out = new Uint8Array(bytes.length + slice.length);
  out.set(bytes.subarray(0, to), 0);
  out.set(slice, to);
  out.set(bytes.subarray(to), to + slice.length);
  return out;
}

/** Property 2 on one mutated input: null when it holds, else what went wrong. */
export async function checkMutated(bytes: Uint8Array, timeLimitMs = 10_000): Promise<string | null> {
  const start = Date.now();
  let result: ReportResult;
  try {
    result = await parseReportAsync(bytes, { source: 'mutated' });
  } catch (e) {
    return e instanceof ParseError ? null : `threw ${(e as Error).name}: ${(e as Error).message}`;
  }
  if (Date.now() - start > timeLimitMs) return `took ${Date.now() - start} ms`;
  JSON.stringify(result);
  const bad = unexplainedValues(result);
  return bad.length > 0 ? bad.slice(0, 3).join('; ') : null;
}

/** Every fixture input small enough to mutate quickly (fixtures/tables, returns, seeds, bad). */
export function fixtureFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^input\.|\.(xlsx|xls|csv|docx|txt|bin|html)$/.test(e.name) && statSync(p).size < 2_000_000) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}
