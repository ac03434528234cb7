// Replay one case that `npm run fuzz` reported (the file and the mutation it printed), with time and peak RSS:
//   node scripts/dev/one-mutation.mjs FILE '{"kind":"flip",...}' [OUT]   (OUT: keep the mutated bytes)
import { readFileSync, writeFileSync } from 'node:fs';
import { mutate } from '../../dist/test/fuzz/properties.js';
import { parseReportAsync } from '../../dist/src/index.js';
const [file, json, out] = process.argv.slice(2);
const bytes = mutate(new Uint8Array(readFileSync(file)), JSON.parse(json));
if (out) writeFileSync(out, bytes);
const t = performance.now();
let peak = 0;
const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
try {
  await parseReportAsync(bytes);
  console.log('ok');
} catch (e) {
  console.log('error', e.code, e.message.slice(0, 100));
}
clearInterval(timer);
console.log(`${(performance.now() - t).toFixed(0)} ms, rss ${(Math.max(peak, process.memoryUsage().rss) / 2 ** 20).toFixed(0)} MB`);
