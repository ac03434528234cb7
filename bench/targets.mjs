// The performance targets (issue 15) judged on one bench run: each with its
// measured figure, its bound and PASS/MISS. bench/run.mjs prints them and
// stores them in bench/results.json; scripts/readme.mjs writes the README's
// performance table from that file.

const f2 = (x) => x.toFixed(2);
const f1 = (x) => x.toFixed(1);

/** Every target of a results object (bench/results.json), in the README's order. */
export function targetsOf(r) {
  const k = r.perKind;
  const out = [];
  const add = (what, measured, bound, pass, baseline) => out.push({ what, measured, bound, baseline, result: pass === null ? 'SKIP' : pass ? 'PASS' : 'MISS' });
  add(
    'HTML report page: parseReport (read, check, emit)',
    `${f2(k.html.ours.median)} ms median, ${f2(k.html.ratio)}× parse5`,
    '≤ 1.0× parse5 parsing the page',
    k.html.ratio <= 1.0,
    `parse5, whole page: ${f2(k.html.baseline.median)} ms`,
  );
  const pandas = r.pandas;
  if (pandas?.available) {
    const faster = pandas.medianMs / k.html.ours.median;
    add('HTML report page against pandas', `${f2(faster)}× faster than pandas.read_html (lxml)`, '≥ 2× faster', faster >= 2, `pandas ${pandas.version}, lxml: ${f2(pandas.medianMs)} ms`);
  } else add('HTML report page against pandas', `skipped: ${pandas?.reason ?? 'not measured'}`, '≥ 2× faster', null, 'pandas.read_html with lxml');
  add('.xlsx return', `${f2(k.xlsx.ours.median)} ms, ${f2(k.xlsx.ratio)}× SheetJS`, '≤ 1.8× SheetJS read + sheet_to_json', k.xlsx.ratio <= 1.8, `SheetJS: ${f2(k.xlsx.baseline.median)} ms`);
  add('.xls return', `${f2(k.xls.ours.median)} ms, ${f2(k.xls.ratio)}× SheetJS`, '≤ 1.8× SheetJS read + sheet_to_json', k.xls.ratio <= 1.8, `SheetJS: ${f2(k.xls.baseline.median)} ms`);
  add('pipe-text page', `${f2(k.pipe.ours.median)} ms, ${f2(k.pipe.ratio)}× papaparse`, '≤ 8× papaparse', k.pipe.ratio <= 8, `papaparse: ${f2(k.pipe.baseline.median)} ms`);
  const extra = r.cli.parseSmallMs - r.cli.nodeBareMs;
  add(
    '`zfxxgk parse` of a small text file (median of cold starts)',
    `${f1(r.cli.parseSmallMs)} ms, node + ${f1(extra)} ms`,
    '≤ `node -e 0` + 50 ms',
    extra <= 50,
    `\`node -e 0\`: ${f1(r.cli.nodeBareMs)} ms`,
  );
  const trivial = r.batch.trivialScaling === undefined ? '' : `; a trivial worker loop: ${f2(r.batch.trivialScaling)}×`;
  add(`\`convert\` ${r.batch.oneThreadScaling.files.toLocaleString('en')} files, 2 threads / 1 thread`, `${f2(r.batch.scaling)}×`, '≥ 1.6×', r.batch.scaling >= 1.6, `the same machine${trivial}`);
  const peak = r.batch.twoThreads10k.peakRssMb;
  add(
    `\`convert\` peak RSS, ${r.batch.twoThreads1k.files.toLocaleString('en')} → ${r.batch.twoThreads10k.files.toLocaleString('en')} files`,
    `${f1(r.batch.twoThreads1k.peakRssMb)} → ${f1(peak)} MB (${f2(r.batch.rssGrowth)}×)`,
    '< 300 MB and flat (≤ 1.25×)',
    peak < 300 && r.batch.rssGrowth <= 1.25,
    '—',
  );
  add(
    'PDF report (all fixture PDFs)',
    `${f2(r.pdf.ratio)}× pdf.js`,
    `≤ ${r.pdf.targets.ratio}× pdf.js's own text + operators`,
    r.pdf.ratio <= r.pdf.targets.ratio,
    'pdf.js getTextContent + getOperatorList',
  );
  return out;
}

/** The targets as a Markdown table. */
export function targetsTable(r) {
  const cell = (s) => String(s).replace(/\|/g, '\\|');
  return [
    '| target | measured | bound | baseline in the same run | result |',
    '|---|---|---|---|---|',
    ...targetsOf(r).map((t) => `| ${cell(t.what)} | ${cell(t.measured)} | ${cell(t.bound)} | ${cell(t.baseline)} | **${t.result}** |`),
  ].join('\n');
}
