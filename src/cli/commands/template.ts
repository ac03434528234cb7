// `zfxxgk template <form> --out blank.xlsx`: the official blank form as a
// workbook, merged headers as on paper, ready to be filled and read back.

import { defaultCatalogue } from '../../catalogue/index.js';
import { formWorkbook, workbookBytes } from '../../output/workbook.js';
import { EXIT, flag, UsageError, type Context } from '../context.js';
import { writeAtomic } from '../io.js';

const BOOK_TYPES = { '.xlsx': 'xlsx', '.xls': 'biff8', '.ods': 'ods' } as const;

export async function templateCommand(ctx: Context): Promise<number> {
  const forms = defaultCatalogue().forms;
  const [name] = ctx.args.positionals;
  const form = forms.find((f) => f.form === name);
  if (!form) throw new UsageError(`template needs a form: ${forms.map((f) => f.form).join(', ')}`);
  const out = flag(ctx, 'out');
  if (!out) throw new UsageError('template needs --out FILE.xlsx (or .xls, .ods)');
  const ext = Object.keys(BOOK_TYPES).find((e) => out.toLowerCase().endsWith(e)) as keyof typeof BOOK_TYPES | undefined;
  if (!ext) throw new UsageError('--out must end in .xlsx, .xls or .ods');
  await writeAtomic(out, workbookBytes(formWorkbook(form), BOOK_TYPES[ext]));
  ctx.io.stderr.write(`zfxxgk: wrote the blank form ${form.form} (${form.name}) to ${out}\n`);
  return EXIT.ok;
}
