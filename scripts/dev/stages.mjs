// Time by stage of one file, from parseReport's own progress events, over 30 rounds:
//   node scripts/dev/stages.mjs FILE
import { readFileSync } from 'node:fs';
import { parseReportAsync } from '../../dist/src/index.js';

const bytes = readFileSync(process.argv[2]);
const rounds = 30;
const total = {};
for (let round = 0; round < rounds; round++) {
  let stage = null;
  let since = performance.now();
  const onProgress = (p) => {
    if (p.stage === stage) return;
    const now = performance.now();
    if (stage) total[stage] = (total[stage] ?? 0) + now - since;
    [stage, since] = [p.stage, now];
  };
  await parseReportAsync(bytes, { onProgress });
}
for (const [k, v] of Object.entries(total)) console.log(k.padEnd(10), (v / rounds).toFixed(2), 'ms');
