// Development aid: median parseReport time of the .xls files in bench/corpus (run the bench once first).
import { readdirSync, readFileSync } from 'node:fs';
import { parseReport } from '../../dist/src/index.js';
const dir = new URL('../../bench/corpus/', import.meta.url);
const ext = process.argv[2] ?? '.xls';
const files = readdirSync(dir).filter((f) => f.endsWith(ext)).map((f) => readFileSync(new URL(f, dir)));
for (const b of files) parseReport(b);
const per = files.map((b) => { let best = Infinity; for (let r = 0; r < 5; r++) { const t = performance.now(); parseReport(b); best = Math.min(best, performance.now() - t); } return best; }).sort((a, b) => a - b);
console.log(ext, 'median', per[Math.floor(per.length / 2)].toFixed(2), 'ms');
