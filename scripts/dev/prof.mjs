import { readFileSync, readdirSync } from 'node:fs';
import { parseReport } from '/work/main/dist/src/index.js';
const kind = process.argv[2];
const dir = '/work/main/bench/corpus/';
const files = readdirSync(dir).filter((f) => f.endsWith(kind)).map((f) => readFileSync(dir + f));
for (let r = 0; r < 5; r++) for (const b of files) parseReport(b);
