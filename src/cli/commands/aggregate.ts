// `zfxxgk aggregate <returns>… --out region.xlsx|json`: many agencies'
// returns of one form summed cell by cell into the regional return, every
// input's failed checks listed, the total's own checks evaluated.

import { aggregateReports } from '../../output/aggregate.js';
import { basename } from 'node:path';
import { defaultCatalogue } from '../../catalogue/index.js';
import { describeCheck, placeNames } from '../../output/wording.js';
import { ParseError } from '../../core/diagnostics.js';
import { formWorkbook, workbookBytes } from '../../output/workbook.js';
import type { ReportResult } from '../../output/schema.js';
import { EXIT, fileErrorOf, flag, reportFileError, UsageError, type Context } from '../context.js';
import { identicalFiles, listInputs, refuseOverwrite, writeAtomic } from '../io.js';
import { documentOf, parseAll, poolOptions } from '../pool.js';

export async function aggregateCommand(ctx: Context): Promise<number> {
  const out = flag(ctx, 'out');
  if (!out || !/\.(xlsx|json)$/i.test(out)) throw new UsageError('aggregate needs --out FILE.xlsx or FILE.json');
  if (ctx.args.positionals.length === 0) throw new UsageError('aggregate needs the returns to sum');
  const { files, missing } = await listInputs(ctx.args.positionals);
  await refuseOverwrite(out, files);
  // The same file twice (named twice, or copied) would count its agency twice.
  const twins = await identicalFiles(files);
  if (twins.length > 0) {
    for (const group of twins) reportFileError(ctx, 'aggregate', { code: 'aggregate-duplicate', params: { what: 'identical', list: group } });
    return EXIT.unreadable;
  }
  for (const m of missing) reportFileError(ctx, m, { code: 'file-not-found', params: { reason: 'missing' } });
  const docs: ReportResult[] = [];
  let unreadable = missing.length;
  for await (const r of parseAll(files, poolOptions(ctx))) {
    if ('json' in r) docs.push(documentOf(r));
    else {
      unreadable++;
      reportFileError(ctx, files[r.index] as string, r.error);
    }
  }
  // A regional total that silently misses an agency would be wrong: refuse.
  if (unreadable > 0) {
    ctx.io.stderr.write(`zfxxgk: aggregate: ${unreadable} input(s) could not be read; nothing was summed\n`);
    return EXIT.unreadable;
  }
  const catalogue = defaultCatalogue();
  let agg: ReturnType<typeof aggregateReports>;
  try {
    const region = flag(ctx, 'region');
    agg = aggregateReports(docs, catalogue, { allowDuplicateAgency: ctx.args.flags.has('allow-duplicate-agency'), ...(region ? { region } : {}) });
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    reportFileError(ctx, 'aggregate', fileErrorOf(e));
    return EXIT.unreadable;
  }
  for (const same of agg.sameAgency) ctx.io.stderr.write(`zfxxgk: aggregate: ${same.sources.length} returns of ${same.agency} summed (--allow-duplicate-agency): ${same.sources.join(', ')}\n`);
  const failedTotal = agg.result.tables.flatMap((t) => t.checks.filter((c) => c.status === 'fail'));
  // An agency is named by its 填报单位, or by its file when the return leaves that blank.
  const named = agg.inputs.map((i) => i.agency ?? basename(i.source));
  const byAgency = agg.inputs.map((i, k) => [named[k] ?? '', i.source, i.tables, i.failed.length, i.failed.join('; ')]);
  const failures = docs.flatMap((d, k) =>
    d.tables.flatMap((t) =>
      t.checks.filter((c) => c.status === 'fail').map((c) => [named[k] ?? '', agg.inputs[k]?.source ?? '', c.rule, describeCheck(c, t, 'zh', catalogue), placeNames(c.cells, 'zh')]),
    ),
  );
  if (/\.json$/i.test(out)) {
    await writeAtomic(out, `${JSON.stringify({ ...agg.result, aggregate: { inputs: agg.inputs } }, null, 2)}\n`);
  } else {
    const extra = [
      { name: '各单位校验', rows: [['填报单位', '来源文件', '表数', '未通过校验数', '未通过的校验'], ...byAgency] },
      { name: '各单位未通过的校验', rows: [['填报单位', '来源文件', '规则', '问题', '单元格'], ...failures] },
      { name: '汇总校验', rows: [['校验', '强度', '结果', '应为', '实为'], ...agg.result.tables.flatMap((t) => t.checks.map((c) => [c.rule, c.strength, c.status, c.expected, c.actual]))] },
    ];
    await writeAtomic(out, workbookBytes(formWorkbook(agg.form, agg.values, extra, { agency: agg.result.meta.agency, title: agg.result.meta.title ?? '' })));
  }
  for (const i of agg.inputs.filter((x) => x.failed.length > 0)) {
    const shown = i.failed.slice(0, 3).join(', ') + (i.failed.length > 3 ? ', …' : '');
    ctx.io.stderr.write(`zfxxgk: aggregate: ${i.agency ?? i.source}: ${i.failed.length} failed check(s): ${shown}\n`);
  }
  ctx.io.stderr.write(`zfxxgk: aggregate: ${docs.length} return(s) of form ${agg.form.form} summed into ${out}; the total fails ${failedTotal.length} check(s)\n`);
  return EXIT.ok;
}
