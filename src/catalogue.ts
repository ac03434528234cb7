// The indicator catalogue: forms, their tables, indicators, aliases, units
// and identities, all read from templates/*.json and validated with zod when
// loaded. Code below never names an indicator or a year: adding a form or a
// provincial variant is a change to the data.

import { z } from 'zod';
import form2014 from '../templates/form-2014.json' with { type: 'json' };
import unitsData from '../templates/units.json' with { type: 'json' };
import vocabularyData from '../templates/vocabulary.json' with { type: 'json' };
import layoutData from '../templates/layout.json' with { type: 'json' };
import { normalizeLabel, normalizeText, type Vocabulary } from './normalize.js';
import type { UnitTable } from './values.js';

const Id = z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$/, 'ids are dot-separated lower-case words');

export const IndicatorSchema = z.object({
  id: Id,
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  unit: z.string().nullable(),
  /** Printed units accepted without a diagnostic besides `unit`. */
  units_accepted: z.array(z.string()).default([]),
  parent: Id.nullable(),
  /** A header or derived subtotal with no value cell on the official form. */
  virtual: z.boolean().default(false),
});

export const TableSchema = z.object({
  table: z.string().min(1),
  layout: z.literal('list'),
  title: z.string(),
  indicators: z.array(IndicatorSchema).min(1),
});

export const IdentitySchema = z.object({
  rule: z.string().min(1),
  /** `sum`: total = Σ parts. `at-most`: total ≤ Σ parts. */
  kind: z.enum(['sum', 'at-most']),
  total: Id,
  parts: z.array(Id).min(1),
  strength: z.enum(['official', 'structural', 'usual']),
  note: z.string().optional(),
});

export const TemplateSchema = z
  .object({
    form: z.string().min(1),
    name: z.string(),
    basis: z.string().optional(),
    source: z.string().optional(),
    tables: z.array(TableSchema).min(1),
    identities: z.array(IdentitySchema).default([]),
  })
  .superRefine((t, ctx) => {
    const ids = new Set<string>();
    for (const table of t.tables) {
      for (const ind of table.indicators) {
        if (ids.has(ind.id)) ctx.addIssue({ code: 'custom', message: `duplicate id ${ind.id}`, path: ['tables', table.table, ind.id] });
        ids.add(ind.id);
      }
    }
    for (const table of t.tables) {
      for (const ind of table.indicators) {
        if (ind.parent !== null && !ids.has(ind.parent)) ctx.addIssue({ code: 'custom', message: `${ind.id}: unknown parent ${ind.parent}`, path: ['tables', table.table, ind.id] });
      }
    }
    t.identities.forEach((idn, i) => {
      for (const id of [idn.total, ...idn.parts]) {
        if (!ids.has(id)) ctx.addIssue({ code: 'custom', message: `identity ${idn.rule}: unknown id ${id}`, path: ['identities', i] });
      }
    });
  });

export const UnitTableSchema = z.object({
  units: z.array(z.string().min(1)),
  placeholders: z.array(z.string().min(1)),
  conversions: z.array(z.object({ from: z.string(), to: z.string(), exponent: z.number().int() })),
  maxCountDigits: z.number().int().positive(),
  moneyUnits: z.array(z.string()),
});

export const VocabularySchema = z.object({ note: z.string().optional(), words: z.record(z.string(), z.string()) });

export const LayoutSchema = z.object({
  note: z.string().optional(),
  list: z.object({ label: z.array(z.string()), unit: z.array(z.string()), code: z.array(z.string()), remark: z.array(z.string()) }),
});

/** Header words of a list-layout table, normalised like labels. */
export interface ListHeaderWords {
  label: Set<string>;
  unit: Set<string>;
  code: Set<string>;
  remark: Set<string>;
}

export type Indicator = z.infer<typeof IndicatorSchema>;
export type Identity = z.infer<typeof IdentitySchema>;
export type Template = z.infer<typeof TemplateSchema>;

/** An indicator with what the matcher needs precomputed. */
export interface IndicatorEntry extends Indicator {
  form: string;
  table: string;
  /** Position in the form's table: the order rows appear on paper. */
  order: number;
  /** Ancestor ids, nearest first. */
  ancestors: string[];
  /** Numbering of the catalogue label (level, ordinal). */
  level: number;
  ordinal: number | null;
  /** Every matching key (label and aliases). */
  keys: string[];
}

export interface TableEntry {
  form: string;
  table: string;
  title: string;
  layout: 'list';
  indicators: IndicatorEntry[];
  /** key → indicators with that key, in paper order. */
  index: Map<string, IndicatorEntry[]>;
  byId: Map<string, IndicatorEntry>;
}

export interface FormEntry {
  form: string;
  name: string;
  tables: TableEntry[];
  identities: Identity[];
}

export interface Catalogue {
  forms: FormEntry[];
  units: UnitTable;
  vocabulary: Vocabulary;
  listHeader: ListHeaderWords;
}

/** Thrown when a template fails validation: a programming or data error, not bad input. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError';
}

function validate<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new CatalogueError(`${what} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

function buildTable(form: string, def: z.infer<typeof TableSchema>, vocabulary: Vocabulary): TableEntry {
  const byParent = new Map(def.indicators.map((i) => [i.id, i.parent]));
  const indicators: IndicatorEntry[] = def.indicators.map((ind, order) => {
    const ancestors: string[] = [];
    for (let p = ind.parent; p !== null && p !== undefined && ancestors.length < 16; p = byParent.get(p) ?? null) ancestors.push(p);
    const label = normalizeLabel(ind.label, vocabulary);
    const keys = [...new Set([label.key, ...ind.aliases.map((a) => normalizeLabel(a, vocabulary).key)].filter((k) => k !== ''))];
    return { ...ind, form, table: def.table, order, ancestors, level: label.level, ordinal: label.ordinal, keys };
  });
  const index = new Map<string, IndicatorEntry[]>();
  for (const ind of indicators) for (const k of ind.keys) index.set(k, [...(index.get(k) ?? []), ind]);
  return { form, table: def.table, title: def.title, layout: def.layout, indicators, index, byId: new Map(indicators.map((i) => [i.id, i])) };
}

/** Validate raw template data and build the lookup structures. */
export function loadCatalogue(data: { templates: unknown[]; units: unknown; vocabulary: unknown; layout: unknown }): Catalogue {
  const units = validate(UnitTableSchema, data.units, 'templates/units.json');
  const vocabulary = validate(VocabularySchema, data.vocabulary, 'templates/vocabulary.json').words;
  const layout = validate(LayoutSchema, data.layout, 'templates/layout.json');
  const words = (list: string[]): Set<string> => new Set(list.map((w) => normalizeText(w, vocabulary)));
  const listHeader = { label: words(layout.list.label), unit: words(layout.list.unit), code: words(layout.list.code), remark: words(layout.list.remark) };
  const forms = data.templates.map((raw, i) => {
    const t = validate(TemplateSchema, raw, `template #${i}`);
    return { form: t.form, name: t.name, identities: t.identities, tables: t.tables.map((def) => buildTable(t.form, def, vocabulary)) };
  });
  return { forms, units, vocabulary, listHeader };
}

let builtin: Catalogue | null = null;
/** The catalogue shipped in templates/, built once on first use. */
export function defaultCatalogue(): Catalogue {
  builtin ??= loadCatalogue({ templates: [form2014], units: unitsData, vocabulary: vocabularyData, layout: layoutData });
  return builtin;
}

