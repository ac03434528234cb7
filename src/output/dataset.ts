// Shapes for datasets: the data dictionary of the catalogue, and the wide
// table (one row per report and value column, one column per indicator id).

import type { Catalogue } from '../catalogue/index.js';
import { sourceName } from './formats.js';
import type { ReportResult } from './schema.js';

type Row = (string | number | null)[];

export const DICTIONARY_HEADER = ['id', 'form', 'table', 'label', 'unit', 'parent', 'virtual', 'variant', 'aliases', 'identities'] as const;

/** One row per indicator of the catalogue (every form, or one), with the sums it takes part in. */
export function dictionaryRows(catalogue: Catalogue, form?: string): Row[] {
  return catalogue.forms
    .filter((f) => form === undefined || f.form === form)
    .flatMap((f) =>
      f.tables.flatMap((t) =>
        t.indicators.map((i) => {
          const rules = f.identities.filter((idn) => idn.left.includes(i.id) || idn.right.includes(i.id)).map((idn) => idn.rule);
          return [i.id, f.form, t.table, i.label, i.unit, i.parent, i.virtual ? 'yes' : null, i.variant ?? null, i.aliases.join('；') || null, [...new Set(rules)].join('；') || null];
        }),
      ),
    );
}

/** The indicator columns of a wide table: every id of the catalogue once, in the forms' printed order. */
export function wideIds(catalogue: Catalogue): { id: string; label: string }[] {
  const seen = new Map<string, string>();
  for (const f of catalogue.forms) for (const t of f.tables) for (const i of t.indicators) if (!seen.has(i.id)) seen.set(i.id, i.label);
  return [...seen].map(([id, label]) => ({ id, label }));
}

export const WIDE_FIELDS = ['source', 'agency', 'year', 'form', 'variant', 'column', 'column_kind', 'checks_failed', 'diagnostics'] as const;
export const WIDE_LABELS = ['来源文件', '填报单位', '年度', '格式', '版本', '数值列', '数值列类别', '未通过校验数', '提示代码'] as const;

/**
 * One row per report and value column: the report's fields, then every indicator id (empty where the report
 * does not print it, never 0). A table with a year and a running-total column gives two rows.
 */
export function wideRows(doc: ReportResult, ids: readonly string[]): Row[] {
  const source = sourceName(doc);
  const readings = new Map<string, ReportResult['tables']>();
  for (const t of doc.tables) {
    const key = `${t.column.kind}\u0000${t.column.label ?? ''}`;
    readings.set(key, [...(readings.get(key) ?? []), t]);
  }
  // A report with no table is still a row of the corpus.
  if (readings.size === 0) readings.set('', []);
  const at = new Map(ids.map((id, i) => [id, i]));
  return [...readings.values()].map((tables) => {
    const values: Row = ids.map(() => null);
    for (const t of tables) for (const i of t.indicators) if (at.has(i.id)) values[at.get(i.id) as number] = i.value;
    const first = tables[0];
    const failed = tables.reduce((n, t) => n + t.checks.filter((c) => c.status === 'fail').length, 0);
    const codes = [...new Set([...doc.diagnostics, ...tables.flatMap((t) => t.diagnostics)].map((d) => d.code))].join(' ');
    const forms = [...new Set(tables.map((t) => t.form))].join('+');
    return [source, doc.meta.agency, doc.meta.year, forms || null, first?.variant ?? null, first?.column.label ?? null, first?.column.kind ?? null, failed, codes || null, ...values];
  });
}
