// `zfxxgk catalogue [--form F] [--format csv|json|md]`: the data dictionary a
// dataset user reads the columns with.

import { defaultCatalogue } from '../../catalogue/index.js';
import { DICTIONARY_HEADER, dictionaryRows } from '../../output/dataset.js';
import { csvLines } from '../../output/formats.js';
import { type Context, EXIT, flag, UsageError } from '../context.js';
import { writeAtomic } from '../io.js';

export async function catalogueCommand(ctx: Context): Promise<number> {
  const catalogue = defaultCatalogue();
  const form = flag(ctx, 'form');
  if (form !== undefined && !catalogue.forms.some((f) => f.form === form)) throw new UsageError(`--form must be one of ${catalogue.forms.map((f) => f.form).join(', ')}`);
  const format = flag(ctx, 'format') ?? 'csv';
  const rows = dictionaryRows(catalogue, form);
  let body: string;
  if (format === 'csv') body = `\uFEFF${csvLines([[...DICTIONARY_HEADER], ...rows])}`;
  else if (format === 'json')
    body = `${JSON.stringify(
      rows.map((r) => Object.fromEntries(DICTIONARY_HEADER.map((h, i) => [h, r[i] ?? null]))),
      null,
      2,
    )}\n`;
  else if (format === 'md') {
    const cell = (v: unknown): string => String(v ?? '').replace(/\|/g, '\\|');
    body = `| ${DICTIONARY_HEADER.join(' | ')} |\n|${DICTIONARY_HEADER.map(() => '---').join('|')}|\n${rows.map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n')}\n`;
  } else throw new UsageError('--format must be one of csv, json, md');
  const out = flag(ctx, 'out');
  if (out) await writeAtomic(out, body);
  else ctx.io.stdout.write(body);
  return EXIT.ok;
}
