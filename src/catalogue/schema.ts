// The templates' schemas (zod), used where templates are read as data: by
// loadCatalogue for a caller's templates, and at build time for the bundled
// ones (scripts/validate-templates.mjs), so that start-up never loads zod.

import { z } from 'zod';
import { CatalogueError, ID } from './index.js';

const Id = z.string().regex(ID, 'ids are dot-separated lower-case words');

const IndicatorSchema = z.object({
  id: Id,
  label: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  unit: z.string().nullable(),
  /** Printed units accepted without a diagnostic besides `unit`. */
  units_accepted: z.array(z.string()).default([]),
  parent: Id.nullable(),
  /** A header or derived subtotal with no value cell on the official form. */
  virtual: z.boolean().default(false),
  /** A local variant's row (ah2014, sh2007 …), not on the national form. */
  variant: z.string().optional(),
});

const ListTableSchema = z.object({
  table: z.string().min(1),
  layout: z.literal('list'),
  title: z.string(),
  /** Other printed titles of the table; with `title`, they mark where the table starts in a page. */
  title_aliases: z.array(z.string()).default([]),
  indicators: z.array(IndicatorSchema).min(1),
});

const ColumnSchema = z.object({
  key: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  /** A header that groups several columns (法人或其他组织): it has no cells of its own. */
  group: z.string().optional(),
  /** Unit of this column's cells; otherwise the row's, otherwise the table's. */
  unit: z.string().optional(),
  unit_printed: z.boolean().optional(),
  /** Values may be negative (本年增/减). */
  signed: z.boolean().optional(),
});

const RowSchema = z.object({
  id: Id,
  label: z.string().min(1),
  aliases: z.array(z.string()).default([]),
  parent: Id.nullable(),
  virtual: z.boolean().default(false),
  /** The columns this row has, in order; absent = every column; empty = a header row with no cells. */
  columns: z.array(z.string()).optional(),
  unit: z.string().optional(),
  /** A provincial row not on the national form (hb2020 …): matched when printed, never reported missing. */
  variant: z.string().optional(),
  item: z.string().optional(),
  note: z.string().optional(),
});

const MatrixTableSchema = z.object({
  table: z.string().min(1),
  layout: z.literal('matrix'),
  title: z.string(),
  title_aliases: z.array(z.string()).default([]),
  unit: z.string().default('件'),
  /** Labels that give the table its structure but hold no values (信息内容, 第二十条第（一）项 …). */
  structure: z.array(z.string()).default([]),
  columns: z.array(ColumnSchema).min(1),
  rows: z.array(RowSchema).min(1),
  /** Cell ids in printed order, for a value row that carries no row label (table 四's run of 15 numbers). */
  sequence: z.array(Id).optional(),
  /** Row names stand in the header (table 四), not in a label column. */
  row_in_header: z.boolean().optional(),
  /** Printed layout: the note in the header's corner, the heading over the value columns, the heading of the label column. */
  corner: z.string().optional(),
  column_title: z.string().optional(),
  row_title: z.string().optional(),
});

const TableSchema = z.discriminatedUnion('layout', [ListTableSchema, MatrixTableSchema]);

const IdentitySchema = z.object({
  /** Stable rule id; `{var}` placeholders are filled from `each`. */
  rule: z.string().min(1),
  /** Σ left = Σ right, or Σ left ≤ Σ right. */
  relation: z.enum(['=', '<=']),
  left: z.array(z.string().min(1)).min(1),
  right: z.array(z.string().min(1)).min(1),
  strength: z.enum(['official', 'structural', 'usual']),
  /** Holds only in these variants of the form (a variant's own sums). */
  variants: z.array(z.string()).optional(),
  /** Does not hold in these variants (their table sums otherwise). */
  except: z.array(z.string()).optional(),
  /** Expand the identity once per value: `{ "col": ["natural_person", …] }`. */
  each: z.record(z.string(), z.array(z.string())).optional(),
  /** The left side is a virtual subtotal: when it is not printed, compute it from the right side. */
  derive: z.boolean().optional(),
  /**
   * The left side is a total column a publisher may leave blank in every row: then it is derived from
   * the right side, for the other checks only (the blank cells stay blank), and these checks are skipped.
   */
  derive_blank_column: z.boolean().optional(),
  note: z.string().optional(),
});

const YearsSchema = z.object({ from: z.number().int(), to: z.number().int().nullable() });

export const TemplateSchema = z.object({
  form: z.string().min(1),
  name: z.string(),
  basis: z.string().optional(),
  /** The report years the form was prescribed for (FORMS.md §1): decides the form of a report without tables. */
  years: YearsSchema,
  source: z.string().optional(),
  tables: z.array(TableSchema).min(1),
  identities: z.array(IdentitySchema).default([]),
});

/** A provincial or local copy of a form: rows, aliases and sums of its own, as data. */
const VariantSchema = z.object({
  variant: z.string().regex(/^[a-z][a-z0-9]*$/),
  form: z.string().min(1),
  table: z.string().min(1),
  name: z.string(),
  basis: z.string().optional(),
  years: YearsSchema.optional(),
  /** What tells a table of this variant: rows only it has, and words of its header (本期实际, 历年累计). */
  detect: z.object({ ids: z.array(Id).default([]), header: z.array(z.string()).default([]) }),
  /** More printed labels for rows of the form. */
  aliases: z.record(Id, z.array(z.string().min(1))).default({}),
  /** More units rows of the form are printed in here, without a diagnostic (申请数 in 条). */
  units_accepted: z.record(Id, z.array(z.string().min(1))).default({}),
  /** Rows of the variant, added to the form's table. */
  indicators: z.array(IndicatorSchema).default([]),
  /** Sums that hold in this variant only. */
  identities: z.array(IdentitySchema).default([]),
  /** Rules of the form that do not hold in this variant. */
  except: z.array(z.string()).default([]),
});

const UnitTableSchema = z.object({
  units: z.array(z.string().min(1)),
  placeholders: z.array(z.string().min(1)),
  conversions: z.array(z.object({ from: z.string(), to: z.string(), exponent: z.number().int() })),
  maxCountDigits: z.number().int().positive(),
  moneyUnits: z.array(z.string()),
});

const TermSchema = z.object({ id: z.string(), year: z.enum(['current', 'previous']), sign: z.union([z.literal(1), z.literal(-1)]).default(1) });

/** What consecutive reports of one agency must agree on (templates/continuity.json). */
const ContinuitySchema = z.object({
  note: z.string().optional(),
  rules: z.array(
    z.object({
      rule: z.string().min(1),
      description: z.string(),
      strength: z.enum(['strict', 'plausibility']),
      forms: z.array(z.string()).min(1),
      left: z.array(TermSchema).min(1),
      right: z.array(TermSchema).min(1),
      each: z.record(z.string(), z.array(z.string())).optional(),
    }),
  ),
});

const VocabularySchema = z.object({ note: z.string().optional(), words: z.record(z.string(), z.string()) });

const ListHeaderSchema = z.object({
  note: z.string().optional(),
  list: z.object({ label: z.array(z.string()), unit: z.array(z.string()), code: z.array(z.string()), remark: z.array(z.string()), column_codes: z.array(z.string()).default([]) }),
  value_kinds: z.object({ note: z.string().optional(), cumulative: z.array(z.string()), year: z.array(z.string()) }),
});

export type Identity = z.infer<typeof IdentitySchema>;
export type Template = z.infer<typeof TemplateSchema>;
export type Variant = z.infer<typeof VariantSchema>;
function validate<T>(schema: z.ZodType<T>, data: unknown, what: string): T {
  const result = schema.safeParse(data);
  if (!result.success) throw new CatalogueError(`${what} is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

const IdsSchema = z.record(z.string(), z.string());
const ItemSchema = z.object({ ids: IdsSchema, pattern: z.string() });
/** Patterns of figures stated in a report's text (templates/prose.json). */
const ProsePatternsSchema = z.object({
  note: z.string().optional(),
  reject: z.array(z.string()),
  patterns: z.array(ItemSchema.extend({ items: z.array(ItemSchema).default([]) })),
});

export type ListTable = z.infer<typeof ListTableSchema>;
export type MatrixTable = z.infer<typeof MatrixTableSchema>;
export type ProsePatterns = z.infer<typeof ProsePatternsSchema>;

/** Template data as it is after validation: every default filled in. */
export interface TemplateData {
  templates: Template[];
  variants: Variant[];
  units: z.infer<typeof UnitTableSchema>;
  vocabulary: Record<string, string>;
  listHeader: z.infer<typeof ListHeaderSchema>;
  prose: ProsePatterns;
  continuity: z.infer<typeof ContinuitySchema>;
  labelsEn: Record<string, string>;
}

/** What loadCatalogue accepts: each part as read from its JSON file. */
export interface RawTemplates {
  templates: unknown[];
  variants?: unknown[];
  units: unknown;
  vocabulary: unknown;
  listHeader: unknown;
  prose: unknown;
  continuity?: unknown;
  labelsEn?: unknown;
}

/** Validate raw template data, part by part, naming the part that fails. */
export function validateTemplates(data: RawTemplates): TemplateData {
  return {
    units: validate(UnitTableSchema, data.units, 'templates/units.json'),
    vocabulary: validate(VocabularySchema, data.vocabulary, 'templates/vocabulary.json').words,
    listHeader: validate(ListHeaderSchema, data.listHeader, 'templates/list-header.json'),
    variants: (data.variants ?? []).map((raw, i) => validate(VariantSchema, raw, `variant #${i}`)),
    templates: data.templates.map((raw, i) => validate(TemplateSchema, raw, `template #${i}`)),
    prose: validate(ProsePatternsSchema, data.prose, 'templates/prose.json'),
    continuity: validate(ContinuitySchema, data.continuity ?? { rules: [] }, 'templates/continuity.json'),
    labelsEn: validate(VocabularySchema, data.labelsEn ?? { words: {} }, 'templates/labels-en.json').words,
  };
}
