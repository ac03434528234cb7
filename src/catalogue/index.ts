// The indicator catalogue: forms, their tables, indicators, aliases, units
// and identities, all read from templates/*.json, validated (schema.ts) and
// built here into the lookup structures the stages use. Code below never
// names an indicator or a year: adding a form or a provincial variant is a
// change to the data.
//
// Two table layouts exist. `list`: one indicator per row (the 2014 统计表).
// `matrix`: rows × columns, each cell an indicator `<row>.<column>` (the
// 2019/2021 tables); the loader expands rows and columns into cells.

// Every file of templates/, gathered by scripts/bundle-templates.mjs at build time.
import bundled from './templates.generated.json' with { type: 'json' };
import { compileProse, type ProseRules } from '../text/prose.js';
import { labelKey, normalizeLabel, normalizeText, splitNumbering, type Vocabulary } from '../core/normalize-text.js';
import type { UnitTable } from '../core/numbers.js';
import type { ReaderWords } from '../extract/words.js';
import type { Identity, ListTable, MatrixTable, Template, TemplateData, Variant } from './schema.js';

/** An indicator id: dot-separated lower-case words. */
export const ID = /^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/;

export interface ContinuityRule {
  rule: string;
  description: string;
  strength: 'strict' | 'plausibility';
  forms: string[];
  left: { id: string; year: 'current' | 'previous'; sign: 1 | -1 }[];
  right: { id: string; year: 'current' | 'previous'; sign: 1 | -1 }[];
}

/** Header words of a list-layout table, normalised like labels. */
export interface ListHeaderWords {
  label: Set<string>;
  unit: Set<string>;
  code: Set<string>;
  remark: Set<string>;
  /** The row under a statistics system's header that names its columns 甲 | 乙 | 丙 | 1 | 2. */
  columnCodes: Set<string>;
}

/** What the matcher needs of anything with a label in a hierarchy (a list row, a matrix row). */
export interface LabelEntry {
  id: string;
  label: string;
  /** Position in its table: the order rows appear on paper. */
  order: number;
  /** Ancestor ids, nearest first. */
  ancestors: string[];
  /** Numbering of the catalogue label (level, ordinal). */
  level: number;
  ordinal: number | null;
  /** Every matching key (label and aliases). */
  keys: string[];
  virtual: boolean;
}

/** One indicator: a list row, or a matrix cell. */
export interface IndicatorEntry extends LabelEntry {
  form: string;
  table: string;
  aliases: string[];
  unit: string | null;
  units_accepted: string[];
  parent: string | null;
  /** Matrix cells: the row and column they belong to. */
  row?: string;
  column?: string;
  /** Values may be negative. */
  signed: boolean;
  /** A local variant's indicator: never reported missing. */
  variant?: string;
}

export interface RowEntry extends LabelEntry {
  aliases: string[];
  /** Column keys of this row, in order (empty: a header with no cells). */
  columns: string[];
  /** The block the row is printed in (第二十条第（一）项), if the table has blocks. */
  item: string | null;
  parent: string | null;
  variant: string | null;
}

export interface ColumnEntry {
  key: string;
  label: string;
  keys: string[];
  group: string | null;
  unit: string | null;
  unitPrinted: boolean;
}

interface TableBase {
  form: string;
  table: string;
  title: string;
  /** Keys of the table's titles. */
  titleKeys: Set<string>;
  indicators: IndicatorEntry[];
  byId: Map<string, IndicatorEntry>;
}

export interface ListTableEntry extends TableBase {
  layout: 'list';
  /** key → indicators with that key, in paper order. */
  index: Map<string, IndicatorEntry[]>;
}

export interface MatrixTableEntry extends TableBase {
  layout: 'matrix';
  rows: RowEntry[];
  columns: ColumnEntry[];
  rowIndex: Map<string, RowEntry[]>;
  columnIndex: Map<string, ColumnEntry>;
  /** Keys of column groups (法人或其他组织). */
  groupKeys: Set<string>;
  structureKeys: Set<string>;
  sequence: string[] | null;
  rowInHeader: boolean;
  /** Printed layout words (template, aggregate). */
  print: { corner: string | null; columnTitle: string | null; rowTitle: string | null };
}

export type TableEntry = ListTableEntry | MatrixTableEntry;

/** An identity with its placeholders filled in. */
export interface IdentityEntry {
  rule: string;
  relation: '=' | '<=';
  left: string[];
  right: string[];
  strength: Identity['strength'];
  derive: boolean;
  deriveBlankColumn: boolean;
  /** The rule as written in the template, before `each` filled it in: one per printed column of rules. */
  group: string;
  /** Holds only in these variants (null: in the form and every variant not in `except`). */
  variants: string[] | null;
  except: string[];
}

/** A variant as the table stage needs it. */
export interface VariantEntry {
  variant: string;
  name: string;
  table: string;
  years: { from: number; to: number | null } | null;
  detectIds: Set<string>;
  /** Header words, normalised like labels. */
  detectHeader: Set<string>;
}

export interface FormEntry {
  form: string;
  name: string;
  years: { from: number; to: number | null };
  variants: VariantEntry[];
  tables: TableEntry[];
  identities: IdentityEntry[];
}

export interface Catalogue {
  forms: FormEntry[];
  /** Label key → names of the tables (any form) where it occurs: rows, columns, structure, titles. */
  tableKeys: Map<string, Set<string>>;
  units: UnitTable;
  vocabulary: Vocabulary;
  listHeader: ListHeaderWords;
  /** Words of value column headers that say what the numbers are (templates/list-header.json), normalised; checked cumulative first. */
  valueKinds: { cumulative: string[]; year: string[] };
  /** What the grid readers know of the forms: the units a number may carry, and the header words by which a PDF table without rules shows its columns. */
  readers: ReaderWords;
  /** Patterns of figures stated in the text (templates/prose.json). */
  prose: ProseRules;
  /** What consecutive years must agree on, its placeholders filled in (templates/continuity.json). */
  continuity: ContinuityRule[];
  /** English names of printed labels, keyed by `printedName` of the Chinese label (templates/labels-en.json). */
  english: Map<string, string>;
}

/** A label as a message names it: without its numbering (（一）, 1.), a leading 其中 and a closing note in brackets. */
export function printedName(label: string): string {
  const name = label
    .replace(/^\s*其中[:：]?\s*/, '')
    .replace(/^\s*([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[.、．,，]|[①-⑳])\s*/, '')
    .replace(/[（(][^（()）]*[）)]$/, '')
    .trim();
  return name || label.trim();
}

/** Thrown when a template fails validation: a programming or data error, not bad input. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

function labelInfo(label: string, aliases: string[], vocabulary: Vocabulary, keepNotes = false): { level: number; ordinal: number | null; keys: string[] } {
  const main = normalizeLabel(label, vocabulary);
  const key = (l: ReturnType<typeof normalizeLabel>): string => (keepNotes ? l.noteKey : l.key);
  const keys = [...new Set([key(main), ...aliases.map((a) => key(normalizeLabel(a, vocabulary)))].filter((k) => k !== ''))];
  return { level: main.level, ordinal: main.ordinal, keys };
}

/**
 * Rows under one parent whose labels differ only in a parenthetical part (复制费（纸张） / （光盘） / （软盘）)
 * keep that part in their keys; rows under one parent whose keys still collide make the catalogue
 * invalid: every such collision is listed.
 */
function separateKeys<T extends { id: string; label: string; aliases: string[]; parent: string | null; keys: string[] }>(entries: T[], vocabulary: Vocabulary, where: string): T[] {
  const clash = (list: T[]): Set<T> => {
    const seen = new Map<string, T[]>();
    for (const e of list) for (const k of e.keys) seen.set(`${e.parent}\u0000${k}`, [...(seen.get(`${e.parent}\u0000${k}`) ?? []), e]);
    return new Set([...seen.values()].filter((g) => g.length > 1).flat());
  };
  const first = clash(entries);
  const out = entries.map((e) => (first.has(e) ? { ...e, keys: labelInfo(e.label, e.aliases, vocabulary, true).keys } : e));
  const left = clash(out);
  if (left.size > 0) {
    const groups = new Map<string, string[]>();
    for (const e of left)
      for (const k of e.keys)
        if (out.some((o) => o !== e && o.parent === e.parent && o.keys.includes(k)))
          groups.set(`${k} (under ${e.parent ?? 'the table'})`, [...(groups.get(`${k} (under ${e.parent ?? 'the table'})`) ?? []), e.id]);
    throw new CatalogueError(
      `${where}: rows share a label key under one parent, with nothing to tell them apart:\n${[...groups].map(([k, ids]) => `  ${k}: ${[...new Set(ids)].join(', ')}`).join('\n')}`,
    );
  }
  return out;
}

/** Matching keys of free labels (titles, structure words, group names). */
function keysOf(labels: string[], vocabulary: Vocabulary): Set<string> {
  return new Set(labels.map((s) => labelKey(splitNumbering(normalizeText(s, vocabulary)).rest)).filter((k) => k !== ''));
}

function ancestorsOf(id: string, parentOf: Map<string, string | null>): string[] {
  const out: string[] = [];
  for (let p = parentOf.get(id) ?? null; p !== null && out.length < 16; p = parentOf.get(p) ?? null) out.push(p);
  return out;
}

function indexBy<T extends { keys: string[] }>(entries: T[]): Map<string, T[]> {
  const index = new Map<string, T[]>();
  for (const e of entries) for (const k of e.keys) index.set(k, [...(index.get(k) ?? []), e]);
  return index;
}

function buildList(form: string, def: ListTable, vocabulary: Vocabulary): ListTableEntry {
  const parentOf = new Map(def.indicators.map((i) => [i.id, i.parent]));
  const indicators: IndicatorEntry[] = separateKeys(
    def.indicators.map((ind, order) => ({
      ...ind,
      ...labelInfo(ind.label, ind.aliases, vocabulary),
      form,
      table: def.table,
      order,
      ancestors: ancestorsOf(ind.id, parentOf),
      signed: false,
    })),
    vocabulary,
    `form ${form} table ${def.table}`,
  );
  const titleKeys = keysOf([def.title, ...def.title_aliases], vocabulary);
  return { form, table: def.table, title: def.title, titleKeys, layout: 'list', indicators, index: indexBy(indicators), byId: new Map(indicators.map((i) => [i.id, i])) };
}

function buildMatrix(form: string, def: MatrixTable, vocabulary: Vocabulary): MatrixTableEntry {
  const parentOf = new Map(def.rows.map((r) => [r.id, r.parent]));
  const colKeys = def.columns.map((c) => c.key);
  const rows: RowEntry[] = separateKeys(
    def.rows.map((r, order) => ({
      id: r.id,
      label: r.label,
      aliases: r.aliases,
      order,
      ancestors: ancestorsOf(r.id, parentOf),
      virtual: r.virtual,
      columns: r.columns ?? colKeys,
      item: r.item ?? null,
      parent: r.parent,
      variant: r.variant ?? null,
      ...labelInfo(r.label, r.aliases, vocabulary),
    })),
    vocabulary,
    `form ${form} table ${def.table}`,
  );
  const columns: ColumnEntry[] = def.columns.map((c) => ({
    key: c.key,
    label: c.label,
    keys: labelInfo(c.label, c.aliases, vocabulary).keys,
    group: c.group ?? null,
    unit: c.unit ?? null,
    unitPrinted: c.unit_printed ?? false,
  }));
  const rowById = new Map(rows.map((r) => [r.id, r]));
  const indicators: IndicatorEntry[] = [];
  def.rows.forEach((r, i) => {
    const row = rows[i] as RowEntry;
    for (const key of row.columns) {
      const col = def.columns.find((c) => c.key === key);
      if (!col) throw new CatalogueError(`form ${form} table ${def.table}: row ${r.id} names unknown column ${key}`);
      const parentRow = r.parent === null ? null : rowById.get(r.parent);
      const parent = parentRow ? (parentRow.columns.includes(key) ? `${parentRow.id}.${key}` : parentRow.id) : null;
      indicators.push({
        id: `${r.id}.${key}`,
        label: r.label,
        aliases: r.aliases,
        unit: col.unit ?? r.unit ?? def.unit,
        units_accepted: [],
        parent,
        virtual: r.virtual,
        form,
        table: def.table,
        order: indicators.length,
        ancestors: parent === null ? [] : [parent, ...ancestorsOf(r.parent as string, parentOf)],
        level: row.level,
        ordinal: row.ordinal,
        keys: row.keys,
        row: r.id,
        column: key,
        signed: col.signed ?? false,
        ...(r.variant ? { variant: r.variant } : {}),
      });
    }
  });
  const columnIndex = new Map<string, ColumnEntry>();
  for (const c of columns) for (const k of c.keys) columnIndex.set(k, c);
  const groupKeys = keysOf(
    columns.flatMap((c) => (c.group ? [c.group] : [])),
    vocabulary,
  );
  const structureKeys = keysOf(def.structure, vocabulary);
  const byId = new Map(indicators.map((i) => [i.id, i]));
  for (const id of def.sequence ?? []) if (!byId.has(id)) throw new CatalogueError(`form ${form} table ${def.table}: sequence names unknown cell ${id}`);
  return {
    form,
    table: def.table,
    title: def.title,
    titleKeys: keysOf([def.title, ...def.title_aliases], vocabulary),
    layout: 'matrix',
    indicators,
    byId,
    rows,
    columns,
    rowIndex: indexBy(rows),
    columnIndex,
    groupKeys,
    structureKeys,
    sequence: def.sequence ?? null,
    rowInHeader: def.row_in_header ?? false,
    print: { corner: def.corner ?? null, columnTitle: def.column_title ?? null, rowTitle: def.row_title ?? null },
  };
}

function expandIdentity(idn: Identity): IdentityEntry[] {
  const vars = Object.entries(idn.each ?? {});
  let bindings: Record<string, string>[] = [{}];
  for (const [name, values] of vars) bindings = bindings.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
  const fill = (s: string, b: Record<string, string>): string => s.replace(/\{(\w+)\}/g, (m, name: string) => b[name] ?? m);
  return bindings.map((b) => ({
    rule: fill(idn.rule, b),
    relation: idn.relation,
    left: idn.left.map((x) => fill(x, b)),
    right: idn.right.map((x) => fill(x, b)),
    strength: idn.strength,
    derive: idn.derive ?? false,
    deriveBlankColumn: idn.derive_blank_column ?? false,
    group: idn.rule,
    variants: idn.variants ?? null,
    except: idn.except ?? [],
  }));
}

/** A form's template with its variants folded in: their rows tagged, their aliases added, their sums scoped. */
function withVariants(t: Template, variants: Variant[]): Template {
  const mine = variants.filter((v) => v.form === t.form);
  if (mine.length === 0) return t;
  const tables = t.tables.map((def) => {
    const extra = mine.filter((v) => v.table === def.table);
    if (extra.length === 0) return def;
    const aliases = (id: string): string[] => extra.flatMap((v) => v.aliases[id] ?? []);
    if (def.layout === 'list') {
      const units = (id: string): string[] => extra.flatMap((v) => v.units_accepted[id] ?? []);
      const own = def.indicators.map((i) => ({ ...i, aliases: [...new Set([...i.aliases, ...aliases(i.id)])], units_accepted: [...new Set([...i.units_accepted, ...units(i.id)])] }));
      return { ...def, indicators: [...own, ...extra.flatMap((v) => v.indicators.map((i) => ({ ...i, variant: v.variant, units_accepted: [...new Set([...i.units_accepted, ...units(i.id)])] })))] };
    }
    return { ...def, rows: def.rows.map((r) => ({ ...r, aliases: [...new Set([...r.aliases, ...aliases(r.id)])] })) };
  });
  const except = (rule: string): string[] => mine.filter((v) => v.except.includes(rule)).map((v) => v.variant);
  for (const v of mine) {
    for (const rule of v.except) if (!t.identities.some((i) => i.rule === rule)) throw new CatalogueError(`variant ${v.variant}: except names no rule of form ${t.form}: ${rule}`);
    if (!t.tables.some((d) => d.table === v.table)) throw new CatalogueError(`variant ${v.variant}: form ${t.form} has no table ${v.table}`);
  }
  const identities = [...t.identities.map((i) => ({ ...i, except: [...(i.except ?? []), ...except(i.rule)] })), ...mine.flatMap((v) => v.identities.map((i) => ({ ...i, variants: [v.variant] })))];
  return { ...t, tables, identities };
}

function buildForm(template: Template, variants: Variant[], vocabulary: Vocabulary): FormEntry {
  const t = withVariants(template, variants);
  const tables = t.tables.map((def) => (def.layout === 'list' ? buildList(t.form, def, vocabulary) : buildMatrix(t.form, def, vocabulary)));
  const ids = new Set<string>();
  for (const table of tables) {
    for (const ind of table.indicators) {
      if (!ID.test(ind.id)) throw new CatalogueError(`form ${t.form}: bad id ${ind.id}`);
      if (ids.has(ind.id)) throw new CatalogueError(`form ${t.form}: duplicate id ${ind.id}`);
      ids.add(ind.id);
    }
  }
  // A cell's parent may be a header row with no cells of its own (三、本年度办理结果).
  const parents = new Set([...ids, ...tables.flatMap((table) => (table.layout === 'matrix' ? table.rows.map((r) => r.id) : []))]);
  for (const table of tables) {
    for (const ind of table.indicators) {
      if (ind.parent !== null && !parents.has(ind.parent)) throw new CatalogueError(`form ${t.form}: ${ind.id}: unknown parent ${ind.parent}`);
    }
  }
  const identities = t.identities.flatMap(expandIdentity);
  for (const idn of identities) {
    for (const id of [...idn.left, ...idn.right]) if (!ids.has(id)) throw new CatalogueError(`form ${t.form}: identity ${idn.rule}: unknown id ${id}`);
  }
  const forms = variants.filter((v) => v.form === t.form);
  for (const v of forms) for (const id of v.detect.ids) if (!ids.has(id)) throw new CatalogueError(`variant ${v.variant}: detect names an unknown id ${id}`);
  const variantEntries = forms.map((v) => ({
    variant: v.variant,
    name: v.name,
    table: v.table,
    years: v.years ?? null,
    detectIds: new Set(v.detect.ids),
    detectHeader: new Set(v.detect.header.map((w) => normalizeLabel(w, vocabulary).key)),
  }));
  return { form: t.form, name: t.name, years: t.years, variants: variantEntries, tables, identities };
}

/** Build the lookup structures from validated template data (validateTemplates). */
export function buildCatalogue(data: TemplateData): Catalogue {
  const { units, vocabulary, listHeader: layout, variants, templates } = data;
  const words = (list: string[]): Set<string> => new Set(list.map((w) => normalizeText(w, vocabulary)));
  const listHeader = { label: words(layout.list.label), unit: words(layout.list.unit), code: words(layout.list.code), remark: words(layout.list.remark), columnCodes: words(layout.list.column_codes) };
  for (const v of variants) if (!templates.some((t) => t.form === v.form)) throw new CatalogueError(`variant ${v.variant}: unknown form ${v.form}`);
  const forms = templates.map((t) => buildForm(t, variants, vocabulary));
  const tableKeys = new Map<string, Set<string>>();
  const add = (key: string, table: string): void => {
    const set = tableKeys.get(key) ?? new Set<string>();
    set.add(table);
    tableKeys.set(key, set);
  };
  for (const form of forms) {
    for (const t of form.tables) {
      const keys = t.layout === 'list' ? [...t.index.keys()] : [...t.rowIndex.keys(), ...t.columnIndex.keys(), ...t.groupKeys, ...t.structureKeys];
      for (const k of [...keys, ...t.titleKeys]) add(k, t.table);
    }
  }
  let prose: ProseRules;
  try {
    prose = compileProse(data.prose, units.units);
  } catch (e) {
    throw new CatalogueError(`templates/prose.json is invalid: ${(e as Error).message}`);
  }

  const valueKinds = { cumulative: layout.value_kinds.cumulative.map((w) => normalizeText(w, vocabulary)), year: layout.value_kinds.year.map((w) => normalizeText(w, vocabulary)) };
  const readers: ReaderWords = {
    units: units.units,
    listHeads: [...listHeader.label, ...listHeader.unit, ...listHeader.code, ...listHeader.remark, ...layout.value_kinds.cumulative, ...layout.value_kinds.year].map((w) =>
      normalizeText(w, vocabulary),
    ),
    pdf: {
      // Keys of every column label of every matrix table (自然人, 总计, 本年制发件数 …).
      columns: new Set(forms.flatMap((f) => f.tables.flatMap((t) => (t.layout === 'matrix' ? [...t.columnIndex.keys()] : [])))),
      listLabel: listHeader.label,
      listOther: new Set([...listHeader.unit, ...listHeader.remark, ...listHeader.code]),
      listSkip: new Set([...listHeader.remark, ...listHeader.code]),
    },
  };
  const continuity = data.continuity.rules.flatMap((r) => {
    let bindings: Record<string, string>[] = [{}];
    for (const [name, values] of Object.entries(r.each ?? {})) bindings = bindings.flatMap((b) => values.map((v) => ({ ...b, [name]: v })));
    const fill = (s: string, b: Record<string, string>): string => s.replace(/\{(\w+)\}/g, (m, n: string) => b[n] ?? m);
    return bindings.map((b) => ({ ...r, rule: fill(r.rule, b), left: r.left.map((t) => ({ ...t, id: fill(t.id, b) })), right: r.right.map((t) => ({ ...t, id: fill(t.id, b) })) }));
  });
  const known = new Set(forms.flatMap((f) => f.tables.flatMap((t) => t.indicators.map((i) => i.id))));
  for (const r of continuity) for (const t of [...r.left, ...r.right]) if (!known.has(t.id)) throw new CatalogueError(`templates/continuity.json: ${r.rule}: unknown id ${t.id}`);
  const english = new Map(Object.entries(data.labelsEn));
  return { forms, tableKeys, units, vocabulary, listHeader, valueKinds, readers, prose, continuity, english };
}

let builtin: Catalogue | null = null;
/**
 * The catalogue shipped in templates/, built once on first use. Its data was
 * validated when the package was built (scripts/validate-templates.mjs wrote it
 * back with every default filled in), so no schema runs here.
 */
export function defaultCatalogue(): Catalogue {
  if (!bundled.validated) throw new CatalogueError('the bundled templates were not validated at build time: run npm run build');
  builtin ??= buildCatalogue(bundled as unknown as TemplateData);
  return builtin;
}

/** Whether the default catalogue is built already (or was given). */
export function defaultCatalogueBuilt(): boolean {
  return builtin !== null;
}

/**
 * Give the built default catalogue at once (the command line deserialises the
 * one the build step stored, which costs a tenth of building it at start-up).
 */
export function useDefaultCatalogue(catalogue: Catalogue): void {
  builtin = catalogue;
}
