// Reports in a reader's language: every diagnostic's sentence from the
// message map of that language, and every failed check told with the form's
// own labels, the numbers on both sides and the cells, as on paper
// (「表三 自然人：收到申请数 应为 4（当面申请数 1 + …），表中填 0（Sheet1!C5）」).

import { type Catalogue, defaultCatalogue, type IndicatorEntry, printedName, type TableEntry } from '../catalogue/index.js';
import type { Code } from '../core/codes.js';
import { formatMessage, type Language, type Params, wordsOf } from '../core/messages.js';
import { kept } from '../core/memo.js';
import type { Location } from '../core/types.js';
import type { ReportResult, TableResult } from './schema.js';

const NUMERALS = '一二三四五六七八九十';

type CheckResult = TableResult['checks'][number];

interface Named {
  table: TableEntry;
  ind: IndicatorEntry;
}

const indexes = new WeakMap<Catalogue, Map<string, Map<string, Named>>>();

/** id → its indicator and table, per form (built once per catalogue). */
function indicatorsOf(catalogue: Catalogue, form: string): Map<string, Named> {
  const byForm = kept(indexes, catalogue, () => new Map(catalogue.forms.map((f) => [f.form, new Map(f.tables.flatMap((table) => table.indicators.map((ind) => [ind.id, { table, ind }] as const)))])));
  return byForm.get(form) ?? new Map();
}

/** The name of a label in a language: the printed Chinese, or its English from templates/labels-en.json. */
function say(catalogue: Catalogue, label: string, lang: Language, fallback: string): string {
  const zh = printedName(label);
  return lang === 'zh' ? zh : (catalogue.english.get(zh) ?? fallback);
}

interface CellName {
  /** 表三 / Table 3, or the table's title when it has no number. */
  table: string;
  row: string;
  column: string | null;
}

const cellNames = new WeakMap<Catalogue, Map<string, CellName | null>>();

/** How the form names an indicator's cell: its table, row and (in a matrix) column (each asked once per catalogue). */
function cellName(catalogue: Catalogue, form: string, id: string, lang: Language): CellName | null {
  const names = kept(cellNames, catalogue, () => new Map<string, CellName | null>());
  return kept(names, `${form}\u0000${lang}\u0000${id}`, () => nameCell(catalogue, form, id, lang));
}

function nameCell(catalogue: Catalogue, form: string, id: string, lang: Language): CellName | null {
  const named = indicatorsOf(catalogue, form).get(id);
  if (!named) return null;
  const { table, ind } = named;
  const numeral = /^\s*([一二三四五六七八九十])、/.exec(table.title)?.[1];
  // A form of one table (2014) needs no table name; the others are 表二 … 表四 as printed.
  const single = catalogue.forms.find((f) => f.form === form)?.tables.length === 1;
  const tableName = single ? '' : numeral ? wordsOf(lang).check.table(NUMERALS.indexOf(numeral) + 1) : say(catalogue, table.title, lang, table.table);
  if (table.layout === 'list') return { table: tableName, row: say(catalogue, ind.label, lang, id), column: null };
  const row = table.rows.find((r) => r.id === ind.row);
  const column = table.columns.find((c) => c.key === ind.column);
  return { table: tableName, row: say(catalogue, row?.label ?? ind.label, lang, ind.row ?? id), column: column ? say(catalogue, column.label, lang, column.key) : null };
}

/** A cell's place in its source, as a reader finds it: Sheet1!C5, 第3页, 第12行. */
export function placeName(cell: Location, lang: Language): string {
  const w = wordsOf(lang).check.place;
  if (cell.ref) return `${cell.sheet ? `${cell.sheet}!` : ''}${cell.ref}`;
  if (cell.page !== undefined) return w.page(cell.page);
  if (cell.line !== undefined) return w.line(cell.line);
  if (cell.row !== undefined) return w.cell(cell.row + 1, (cell.col ?? 0) + 1);
  return '';
}

/** Several places, a sheet named once for the cells that follow on it: Sheet1!D5, D6. */
export function placeNames(cells: Location[], lang: Language): string {
  let sheet: string | undefined;
  const out: string[] = [];
  for (const c of cells) {
    const same = c.ref !== undefined && c.sheet !== undefined && c.sheet === sheet;
    sheet = c.sheet;
    const p = same ? (c.ref as string) : placeName(c, lang);
    if (p !== '') out.push(p);
  }
  return out.join(', ');
}

/** Names of a check's cells: what they share said once, each part by what tells it apart. */
function partNames(names: (CellName | null)[], ids: string[], lang: Language): { shared: string; parts: string[] } {
  const known = names.filter((n): n is CellName => n !== null);
  const all = <K extends 'row' | 'column'>(k: K): boolean => known.length === names.length && known.every((n) => n[k] !== null && n[k] === known[0]?.[k]);
  const w = wordsOf(lang).check;
  if (all('column')) return { shared: w.column(known[0]?.column ?? ''), parts: known.map((n) => n.row) };
  if (all('row')) return { shared: w.row(known[0]?.row ?? ''), parts: known.map((n) => n.column ?? n.row) };
  return { shared: '', parts: names.map((n, i) => (n ? `${n.row}${n.column ? w.paren(n.column).trim() : ''}` : (ids[i] ?? ''))) };
}

const MAX_PARTS = 10;

const tableWords = new WeakMap<TableResult, Map<Language, Map<string, string>>>();

/** Each indicator's number as a check tells it, made once per table and language (a table may fail hundreds of checks). */
function valueWords(table: TableResult, lang: Language): Map<string, string> {
  return kept(
    kept(tableWords, table, () => new Map<Language, Map<string, string>>()),
    lang,
    () => {
      const w = wordsOf(lang).check;
      const values = new Map<string, string>(table.indicators.map((v) => [v.id, v.value === null ? w.blank : String(v.value)]));
      // A subtotal the table does not print, or a blank total column derived from its parts: the computed number, said so.
      const printed = new Map(table.indicators.map((v) => [v.id, v.value]));
      for (const v of table.virtual) if ((printed.get(v.id) ?? null) === null) values.set(v.id, `${v.value}${w.paren(w.computed)}`);
      return values;
    },
  );
}

/**
 * A failed (or any evaluated) check in the form's words: the total, what it should be,
 * the parts with their numbers, what the table says, and where the total stands.
 */
export function describeCheck(check: CheckResult, table: TableResult, lang: Language, catalogue: Catalogue = defaultCatalogue()): string {
  const w = wordsOf(lang).check;
  const idn = catalogue.forms.find((f) => f.form === table.form)?.identities.find((i) => i.rule === check.rule);
  const left = idn?.left ?? check.ids.slice(0, 1);
  const right = idn?.right ?? check.ids.slice(1);
  const values = valueWords(table, lang);
  const ids = [...left, ...right];
  const names = ids.map((id) => cellName(catalogue, table.form, id, lang));
  const { shared, parts } = partNames(names, ids, lang);
  const labelled = ids.map((id, i) => `${parts[i]} ${values.get(id) ?? w.blank}`);
  const rightText = labelled.slice(left.length);
  const shown = rightText.length > MAX_PARTS ? [...rightText.slice(0, MAX_PARTS), w.more(rightText.length - MAX_PARTS)] : rightText;
  const rule = check.kind === 'at-most' ? w.atMost : w.shouldBe;
  const expected = check.expected ?? '?';
  const actual = check.actual ?? '?';
  const head = `${names.find((n) => n)?.table ?? ''} ${shared ? `${shared}${w.colon}` : ''}`.trimStart();
  const body =
    left.length === 1
      ? `${parts[0]} ${rule} ${expected}${w.paren(shown.join(w.plus))}${w.comma}${w.says} ${actual}`
      : `${w.sum(labelled.slice(0, left.length).join(w.plus), String(actual))}${w.comma}${rule} ${expected}${w.paren(shown.join(w.plus))}`;
  const places = placeNames(
    check.cells.filter((c) => left.includes(c.id)),
    lang,
  );
  return `${head}${body}${places ? w.paren(places) : ''}`;
}

/** Names of indicator ids in diagnostics: the printed label in Chinese; the id in English (what a developer greps for). */
function nameOfIds(catalogue: Catalogue, form: string | null, lang: Language): (id: string) => string {
  if (lang === 'en' || form === null) return (id) => id;
  return (id) => {
    const n = cellName(catalogue, form, id, lang);
    return n ? `${n.row}${n.column ? `（${n.column}）` : ''}` : id;
  };
}

function localizeDiagnostic<D extends { code: string; message: string; params?: Record<string, unknown> | undefined }>(d: D, lang: Language, nameOf: (id: string) => string): D {
  if (!d.params) return d;
  return { ...d, message: formatMessage(d.code as Code, d.params as Params, lang, nameOf) };
}

/**
 * The report with every sentence in `lang`: diagnostics from the message maps, each failed
 * check's `message` in the form's words. Codes and data are unchanged.
 */
export function localizeReport(doc: ReportResult, lang: Language, catalogue: Catalogue = defaultCatalogue()): ReportResult {
  const docNames = nameOfIds(catalogue, doc.tables[0]?.form ?? null, lang);
  const worded = wordChecks(doc, lang, catalogue);
  return {
    ...worded,
    diagnostics: worded.diagnostics.map((d) => localizeDiagnostic(d, lang, docNames)),
    tables: worded.tables.map((t) => {
      const nameOf = nameOfIds(catalogue, t.form, lang);
      return { ...t, diagnostics: t.diagnostics.map((d) => localizeDiagnostic(d, lang, nameOf)) };
    }),
  };
}

/** Only the failed checks worded in `lang` (what parsing needs when its diagnostics are already in that language). */
export function wordChecks(doc: ReportResult, lang: Language, catalogue: Catalogue = defaultCatalogue()): ReportResult {
  return {
    ...doc,
    tables: doc.tables.map((t) =>
      t.checks.some((c) => c.status === 'fail') ? { ...t, checks: t.checks.map((c) => (c.status === 'fail' ? { ...c, message: describeCheck(c, t, lang, catalogue) } : c)) } : t,
    ),
  };
}
