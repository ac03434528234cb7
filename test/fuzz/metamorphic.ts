// The metamorphic property "no silent wrong value", shared by the quick pass
// in `npm test` (test/metamorphic.test.ts) and the long one (`npm run fuzz`
// with `metamorphic`): raise one printed number of a fixture by one, parse,
// and compare with the unchanged parse. What may happen: nothing changes (the
// number was no value: a date, a heading's numbering), exactly one indicator
// grows, or what changed is flagged by a diagnostic or a failing check that
// the unchanged parse does not have. Anything else is a silent wrong value.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseReport } from '../../src/parse-report.js';
import type { ReportResult } from '../../src/output/schema.js';

export interface Source {
  file: string;
  text: string;
  /** [start, end) of every run of digits the reader sees (outside HTML tags). */
  numbers: [number, number][];
  base: ReportResult;
}

/** Runs of digits in the text, outside `<…>` when the text is HTML. */
function digitRuns(text: string, html: boolean): [number, number][] {
  const runs: [number, number][] = [];
  let inTag = false;
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i] ?? '';
    if (html && ch === '<') inTag = true;
    const digit = !inTag && ch >= '0' && ch <= '9';
    if (digit && start < 0) start = i;
    if (!digit && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
    if (html && ch === '>') inTag = false;
  }
  return runs;
}

/** The text and HTML fixtures that have an expected output, with their unchanged parse. */
export function sources(root: string): Source[] {
  const tables = join(root, 'tables');
  return readdirSync(tables).flatMap((dir) => {
    const input = readdirSync(join(tables, dir)).find((f) => /^input\.(txt|html)$/.test(f));
    if (!input || !readdirSync(join(tables, dir)).includes('expected.json')) return [];
    const file = join(tables, dir, input);
    const bytes = readFileSync(file);
    // GB2312 pages and the like are left to the byte-level fuzzing: a digit bump here works on UTF-8 text.
    const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
    if (text.includes('\uFFFD')) return [];
    return [{ file, text, numbers: digitRuns(text, input.endsWith('.html')), base: parseReport(text, { source: file }) }];
  });
}

type Values = Map<string, { value: number | null; raw: string; form: string }>;

const valuesOf = (r: Pick<ReportResult, 'tables'>): Values =>
  new Map(r.tables.flatMap((t, k) => t.indicators.map((i) => [`${k}:${i.id}`, { value: i.value, raw: String(i.raw ?? ''), form: t.form }] as const)));
const flags = (r: Pick<ReportResult, 'tables' | 'diagnostics'>): Set<string> =>
  new Set([
    // What a diagnostic says counts, not only where: a split of glued digits that now reads 4|82 is a new flag.
    ...[...r.diagnostics, ...r.tables.flatMap((t) => t.diagnostics)].map((d) => `${d.code} ${d.id ?? ''} ${JSON.stringify(d.cell ?? {})} ${JSON.stringify(d.actual ?? null)}`),
    ...r.tables.flatMap((t, k) => t.checks.filter((c) => c.status === 'fail').map((c) => `check ${k} ${c.rule}`)),
  ]);

export type Outcome<O extends string> = { outcome: O } | { problem: string };

/** The outcome of raising the `n`th number of a source by `by` (one unless given), or what went wrong. */
export function bump(source: Source, n: number, by = 1): Outcome<'unchanged' | 'followed' | 'flagged'> {
  const [start, end] = source.numbers[n] as [number, number];
  const printed = source.text.slice(start, end);
  const raised = (BigInt(printed) + BigInt(by)).toString().padStart(printed.length, '0');
  const r = parseReport(source.text.slice(0, start) + raised + source.text.slice(end), { source: source.file });
  return judgeBump(source.base, r, printed, raised, start);
}

/**
 * Judge a parse after one printed number went from `printed` to `raised`: nothing changed, exactly that value
 * follows (its cell prints the raised digits), or the change is flagged. Shared by text, workbook and PDF sources.
 */
export function judgeBump(
  base: Pick<ReportResult, 'tables' | 'diagnostics'>,
  r: Pick<ReportResult, 'tables' | 'diagnostics'>,
  printed: string,
  raised: string,
  at: number | string,
): Outcome<'unchanged' | 'followed' | 'flagged'> {
  const before = valuesOf(base);
  const after = valuesOf(r);
  const changed = [...new Set([...before.keys(), ...after.keys()])].filter((k) => before.get(k)?.value !== after.get(k)?.value);
  if (changed.length === 0) return { outcome: 'unchanged' };
  const only = changed.length === 1 ? (changed[0] as string) : '';
  // That one value now reads from a cell that prints the raised digits (12.5 → 12.11 is the 5 raised to 11).
  const now = after.get(only);
  if (only && typeof now?.value === 'number' && now.raw.includes(raised) && now.raw !== before.get(only)?.raw) return { outcome: 'followed' };
  const old = flags(base);
  if ([...flags(r)].some((f) => !old.has(f))) return { outcome: 'flagged' };
  // The table was read as another form (the year in the title decides 2019 against 2021): every id says so.
  if (changed.every((k) => before.get(k)?.form !== after.get(k)?.form || !before.has(k) || !after.has(k)) && r.tables.some((t, k) => t.form !== base.tables[k]?.form)) return { outcome: 'flagged' };
  return {
    problem: `${printed} → ${raised} at ${at}: ${changed.length} indicator(s) changed unflagged, e.g. ${changed
      .slice(0, 3)
      .map((k) => `${k} ${before.get(k)?.value} → ${after.get(k)?.value}`)
      .join('; ')}`,
  };
}

/** The applicant columns of 表三 whose labels are unique on a page, with the cell id part each stands for. */
const APPLICANT_COLUMNS: [string, string][] = [
  ['商业企业', 'commercial'],
  ['科研机构', 'research'],
  ['社会公益组织', 'public_welfare'],
  ['法律服务机构', 'legal_services'],
];

/** Where a label is printed once, its characters perhaps parted by spaces or `<br>`s. */
function printedOnce(text: string, label: string): [number, number] | null {
  const re = new RegExp([...label].join('(?:\\s|<br\\s*/?>)*'), 'g');
  const found = [...text.matchAll(re)];
  return found.length === 1 && found[0] ? [found[0].index ?? 0, (found[0].index ?? 0) + found[0][0].length] : null;
}

/** An applicant column label found once in a source, where `find` found it. */
export interface Found<P> {
  label: string;
  code: string;
  at: P;
}

/** Every pair of applicant column labels that `find` places once in a source (null: not found, or more than once). */
export function labelPairs<P>(find: (label: string) => P | null): [Found<P>, Found<P>][] {
  const found = APPLICANT_COLUMNS.flatMap(([label, code]) => {
    const at = find(label);
    return at === null ? [] : [{ label, code, at }];
  });
  return found.flatMap((x, i) => found.slice(i + 1).map((y): [Found<P>, Found<P>] => [x, y]));
}

/** Every pair of applicant column headers printed once in a source, swapped (the labels only, not the numbers). */
export function headerSwaps(source: Source): { a: string; b: string; text: string }[] {
  return labelPairs((label) => printedOnce(source.text, label)).map(([x, y]) => {
    const [first, second] = x.at[0] < y.at[0] ? [x.at, y.at] : [y.at, x.at];
    const t = source.text;
    const text = t.slice(0, first[0]) + t.slice(...second) + t.slice(first[1], second[0]) + t.slice(...first) + t.slice(second[1]);
    return { a: x.code, b: y.code, text };
  });
}

/** With two column labels swapped, each value must follow its label (a's cells now hold b's numbers), or be flagged. */
export function followsLabels(source: Source, swap: { a: string; b: string; text: string }): Outcome<'followed' | 'flagged'> {
  return judgeSwap(source.base, parseReport(swap.text, { source: source.file }), swap);
}

/** Judge a parse after the column labels of codes `a` and `b` were swapped: values follow their labels, or it is flagged. */
export function judgeSwap(base: Pick<ReportResult, 'tables' | 'diagnostics'>, r: Pick<ReportResult, 'tables' | 'diagnostics'>, swap: { a: string; b: string }): Outcome<'followed' | 'flagged'> {
  const before = valuesOf(base);
  const after = valuesOf(r);
  const moved = (key: string): string => key.replace(new RegExp(`\\.(${swap.a}|${swap.b})$`), (_, c: string) => `.${c === swap.a ? swap.b : swap.a}`);
  const wrong = [...before.keys()].filter((k) => after.get(k)?.value !== before.get(moved(k))?.value);
  if (wrong.length === 0) return { outcome: 'followed' };
  const old = flags(base);
  if ([...flags(r)].some((f) => !old.has(f))) return { outcome: 'flagged' };
  return {
    problem: `${swap.a} ⇄ ${swap.b}: ${wrong.length} value(s) did not follow their labels, e.g. ${wrong
      .slice(0, 3)
      .map((k) => `${k} ${after.get(k)?.value} (want ${before.get(moved(k))?.value})`)
      .join('; ')}`,
  };
}
