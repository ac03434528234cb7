// CPU profile of parseReport on one file over many rounds; open the .cpuprofile in Chrome DevTools:
//   node --cpu-prof scripts/dev/profile.mjs FILE
import { readFileSync } from 'node:fs';
import { parseReport } from '../../dist/src/index.js';
const bytes = readFileSync(process.argv[2]);
for (let i = 0; i < 30; i++) parseReport(bytes);
const t = performance.now();
for (let i = 0; i < 200; i++) parseReport(bytes);
console.log(((performance.now() - t) / 200).toFixed(2), 'ms per parse');
