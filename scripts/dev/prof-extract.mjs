import { readFileSync } from 'node:fs';
import { extractHtmlGrids } from '../../dist/src/extract/html.js';
import { tableRegions, visibleText } from '../../dist/src/extract/html-scan.js';
const html = readFileSync(process.argv[2], 'utf8');
const T = {};
const time = (k, f) => { const t = performance.now(); const r = f(); T[k] = (T[k] ?? 0) + performance.now() - t; return r; };
for (let i = 0; i < 30; i++) {
  time('regions', () => tableRegions(html));
  time('visible', () => visibleText(html, false));
  time('all', () => extractHtmlGrids(html));
}
for (const [k, v] of Object.entries(T)) console.log(k, (v / 30).toFixed(2), 'ms');
