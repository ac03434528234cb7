// Rewrites the code table in README.md from src/codes.ts (run after `npm run build`).
import { readFileSync, writeFileSync } from 'node:fs';
import { CODES } from '../dist/src/core/codes.js';

const url = new URL('../README.md', import.meta.url);
const readme = readFileSync(url, 'utf8');
const rows = Object.entries(CODES).map(([code, info]) => `| \`${code}\` | ${info.severity} | ${info.description.replace(/\|/g, '\\|')} |`);
const table = ['| code | severity | meaning |', '|---|---|---|', ...rows].join('\n');
const next = readme.replace(/(<!-- codes:start[^>]*-->\n)[\s\S]*?(<!-- codes:end -->)/, `$1${table}\n$2`);
writeFileSync(url, next);
