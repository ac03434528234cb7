// Development aid: parse5 on a page's table regions, with and without source locations, against the whole page.
import { readdirSync, readFileSync } from 'node:fs';
import { parse, parseFragment } from 'parse5';
import { tableRegions } from '../../dist/src/extract/html-scan.js';
const dir = new URL('../../bench/corpus/', import.meta.url);
const pages = readdirSync(dir).filter((f) => f.endsWith('.html')).map((f) => readFileSync(new URL(f, dir), 'utf8'));
const time = (f) => { for (const p of pages) f(p); const t = performance.now(); for (let r = 0; r < 10; r++) for (const p of pages) f(p); return (performance.now() - t) / 10 / pages.length; };
const whole = time((p) => parse(p));
const regions = (loc) => (p) => { for (const r of tableRegions(p)) parseFragment(p.slice(r.start, r.end), { sourceCodeLocationInfo: loc }); };
const withLoc = time(regions(true));
const noLoc = time(regions(false));
const share = pages.reduce((s, p) => s + tableRegions(p).reduce((a, r) => a + r.end - r.start, 0) / p.length, 0) / pages.length;
console.log(`whole page ${whole.toFixed(2)} ms; table regions with locations ${withLoc.toFixed(2)} ms (${(withLoc / whole).toFixed(2)}×), without ${noLoc.toFixed(2)} ms (${(noLoc / whole).toFixed(2)}×); tables are ${(100 * share).toFixed(0)}% of the page's characters`);
