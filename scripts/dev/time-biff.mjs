// Development aid: cost of blanking formula tokens next to SheetJS's own read, on bench/corpus .xls files.
import { readdirSync, readFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { withoutFormulaTokens } from '../../dist/src/extract/biff.js';
const dir = new URL('../../bench/corpus/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.xls')).map((f) => new Uint8Array(readFileSync(new URL(f, dir))));
const time = (f) => { for (const b of files) f(b); const t = performance.now(); for (let r = 0; r < 20; r++) for (const b of files) f(b); return ((performance.now() - t) / 20 / files.length).toFixed(2); };
console.log('changed', files.filter((b) => withoutFormulaTokens(b) !== b).length, 'of', files.length);
console.log('blank', time(withoutFormulaTokens), 'ms; SheetJS read', time((b) => XLSX.read(b, { type: 'array', dense: true })), 'ms; read of blanked', time((b) => XLSX.read(withoutFormulaTokens(b), { type: 'array', dense: true })), 'ms');
