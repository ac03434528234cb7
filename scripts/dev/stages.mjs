// Per-stage timing of one file (development aid): node scripts/dev/stages.mjs FILE
import { readFileSync } from 'node:fs';
import { defaultCatalogue } from '../../dist/src/catalogue/index.js';
import { readInput } from '../../dist/src/input/read.js';
import { extractGrids } from '../../dist/src/extract/index.js';
import { normalizeGrid } from '../../dist/src/table/normalize.js';
import { segmentGrid } from '../../dist/src/table/segment.js';
import { recognizeForm } from '../../dist/src/table/recognize.js';
import { reflow } from '../../dist/src/table/reflow.js';
import { readMatrix } from '../../dist/src/table/read-matrix.js';
import { readMeta } from '../../dist/src/text/meta.js';
import { readProse } from '../../dist/src/text/prose.js';
import { DEFAULT_LIMITS, parseReport } from '../../dist/src/parse-report.js';

const bytes = readFileSync(process.argv[2]);
const cat = defaultCatalogue();
const T = {};
const time = (k, f) => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let round = 0; round < 30; round++) {
  const src = time('read+decode', () => readInput(bytes, DEFAULT_LIMITS));
  const ex = time('extract', () => extractGrids(src, DEFAULT_LIMITS));
  for (const g of ex.grids) {
    const lg = time('normalize', () => normalizeGrid(g, cat.vocabulary));
    for (const p of time('segment', () => segmentGrid(lg, cat))) {
      const rec = time('recognize', () => recognizeForm(p, cat));
      if (rec?.kind === 'matrix') time('read', () => readMatrix(reflow(p, rec, cat.units), rec, cat));
    }
  }
  time('meta', () => readMeta(ex.text.meta, cat.vocabulary));
  time('prose', () => readProse(ex.text.prose, cat.forms[2], cat.prose, cat.vocabulary, cat.units));
  time('TOTAL parseReport', () => parseReport(bytes));
}
for (const [k, v] of Object.entries(T)) console.log(k.padEnd(20), (v / 30).toFixed(2), 'ms');
