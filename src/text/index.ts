// Stage: the text around the tables → metadata (title, agency, year, date)
// and the figures stated in prose, each checked against its table cell.

import type { Catalogue, FormEntry } from '../catalogue/index.js';
import type { Diagnostic } from '../core/types.js';
import type { ReportResult, TableResult } from '../output/schema.js';
import { readMeta } from './meta.js';
import { checkProse, readProse } from './prose.js';

export interface TextReading {
  meta: ReportResult['meta'];
  prose: ReportResult['prose'];
  diagnostics: Diagnostic[];
}

/** The catalogue the text's figures are read in: the tables' form, else the form (or a variant of it) prescribed for the report's year. */
function proseForm(tables: TableResult[], year: number | null, catalogue: Catalogue): FormEntry | null {
  const fromTables = [...new Set(tables.map((t) => t.form))].sort().at(-1);
  if (fromTables !== undefined) return catalogue.forms.find((f) => f.form === fromTables) ?? null;
  if (year === null) return null;
  const within = (y: { from: number; to: number | null } | null): boolean => y !== null && year >= y.from && (y.to === null || year <= y.to);
  return catalogue.forms.find((f) => within(f.years)) ?? catalogue.forms.find((f) => f.variants.some((v) => within(v.years))) ?? null;
}

/** `text.meta` is the whole document's text; `text.prose` has its tables blanked out. */
export function readText(text: { meta: string; prose: string }, tables: TableResult[], catalogue: Catalogue): TextReading {
  const meta = readMeta(text.meta, catalogue.vocabulary);
  const form = proseForm(tables, meta.year, catalogue);
  const prose = form ? readProse(text.prose, form, catalogue.prose, catalogue.vocabulary, catalogue.units) : { indicators: [], diagnostics: [] };
  return {
    meta,
    prose: {
      form: form?.form ?? null,
      indicators: prose.indicators,
      checks: form
        ? checkProse(
            prose.indicators,
            tables.filter((t) => t.form === form.form),
            form,
          )
        : [],
    },
    diagnostics: prose.diagnostics,
  };
}
