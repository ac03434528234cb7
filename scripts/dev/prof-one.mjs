import { readFileSync } from 'node:fs';
import { parseReport } from '../../dist/src/index.js';
const b = readFileSync(process.argv[2]);
for (let i = 0; i < 200; i++) parseReport(b);
