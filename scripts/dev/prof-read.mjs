import { readFileSync } from 'node:fs';
import { defaultCatalogue } from '../../dist/src/catalogue/index.js';
import { extractHtmlGrids } from '../../dist/src/extract/html.js';
import { normalizeGrid } from '../../dist/src/table/normalize.js';
import { recognizeForm } from '../../dist/src/table/recognize.js';
import { readMatrix } from '../../dist/src/table/read-matrix.js';
import { checkIdentities } from '../../dist/src/table/check.js';
const cat = defaultCatalogue();
const grids = extractHtmlGrids(readFileSync(process.argv[2], 'utf8')).grids.map((g) => normalizeGrid(g, cat.vocabulary));
const recs = grids.map((g) => recognizeForm(g, cat));
const T = {};
const time = (k, f) => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 300; i++) grids.forEach((g, k) => {
  const rec = recs[k];
  time('recognize', () => recognizeForm(g, cat));
  const r = time('readMatrix', () => readMatrix(g, rec, cat));
  time('checks', () => checkIdentities(r.indicators, rec.form.identities, rec.table.byId));
});
for (const [k, v] of Object.entries(T)) console.log(k, (v / 300).toFixed(2), 'ms per page');
