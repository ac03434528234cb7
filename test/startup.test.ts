// Start-up (issue 15): what the command line loads for a small text file, the
// catalogue the build stored for it, and the OpenCC shortcut that lets most
// inputs skip building the converter. Each would slow every start if lost.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { deserialize } from 'node:v8';
import * as OpenCC from 'opencc-js/t2cn';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { buildCatalogue } from '../src/catalogue/index.js';
import type { TemplateData } from '../src/catalogue/schema.js';
import { mayConvert, normalizeText } from '../src/core/normalize-text.js';
import { fixture, ROOT, seeded } from './helpers.js';

const BIN = join(ROOT, 'bin', 'zfxxgk.js');

/** The packages a command loads, from a module hook that lists every URL loaded. */
function packagesLoaded(args: string[]): Set<string> {
  const hooks = join(ROOT, 'dist', 'test', 'startup-hooks.mjs');
  writeFileSync(hooks, `export async function load(url, context, next) { process._rawDebug('LOADED ' + url); return next(url, context); }\n`);
  const register = `import { register } from 'node:module'; register(${JSON.stringify(`file://${hooks}`)});`;
  const run = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(register)}`, BIN, ...args], { encoding: 'utf8' });
  assert.is(run.status, 0, run.stderr.slice(-300));
  return new Set([...run.stderr.matchAll(/LOADED \S*node_modules\/((?:@[^/]+\/)?[^/]+)/g)].map((m) => m[1] as string));
}

test('parse of a small text file loads none of the readers, zod or OpenCC', () => {
  const loaded = packagesLoaded(['parse', fixture('examples', 'xuejiadao-2017.txt')]);
  for (const pkg of ['zod', 'parse5', 'xlsx', 'papaparse', 'opencc-js', 'mammoth', 'pdfjs-dist', 'exceljs']) assert.not.ok(loaded.has(pkg), `${pkg} loaded: ${[...loaded].join(', ')}`);
});

test('an HTML page loads parse5; a workbook SheetJS; traditional script OpenCC', () => {
  assert.ok(packagesLoaded(['parse', fixture('tables', '2021-html', 'input.html')]).has('parse5'));
  assert.ok(packagesLoaded(['parse', fixture('returns', '2021-filled.xlsx')]).has('xlsx'));
  const traditional = join(ROOT, 'dist', 'test', 'traditional.txt');
  writeFileSync(traditional, '政府資訊公開工作年度報告\n| 項目 | 數量 |\n|---|---|\n| 收到申請數 | 3 |\n');
  assert.ok(packagesLoaded(['parse', traditional]).has('opencc-js'));
});

test('the catalogue the build stored is the catalogue built from the bundled templates', () => {
  const stored = deserialize(readFileSync(join(ROOT, 'dist', 'src', 'catalogue', 'catalogue.v8')));
  const data = JSON.parse(readFileSync(join(ROOT, 'dist', 'src', 'catalogue', 'templates.generated.json'), 'utf8')) as TemplateData & { validated: boolean };
  assert.ok(data.validated, 'the bundle was validated at build time');
  assert.ok(isDeepStrictEqual(stored, buildCatalogue(data)));
});

test('a text mayConvert calls unchangeable is unchanged by OpenCC: every Han character, and random runs of them', () => {
  const opencc = OpenCC.Converter({ from: 't', to: 'cn' });
  const unchanged: string[] = [];
  for (let c = 0x3400; c <= 0x9fff; c++) {
    const ch = String.fromCharCode(c);
    if (mayConvert(ch)) continue;
    unchanged.push(ch);
    if (opencc(ch) !== ch) assert.unreachable(`${ch} U+${c.toString(16)} changes but mayConvert says not`);
  }
  assert.ok(unchanged.length > 15_000, `${unchanged.length} characters`);
  // Runs drawn from the characters that start a phrase but do not change alone (一, 不, 以 …) and from the rest.
  const rnd = seeded(15);
  const common = [...'一不以深水明情任二申上其落社反出重老所南名大文手意批回函答七九李了目然乾隆'];
  let tried = 0;
  for (let i = 0; i < 20_000; i++) {
    const text = Array.from({ length: 2 + rnd(6) }, () => (rnd(2) ? common[rnd(common.length)] : unchanged[rnd(unchanged.length)])).join('');
    if (mayConvert(text)) continue;
    tried++;
    assert.is(opencc(text), text, text);
  }
  assert.ok(tried > 5000, `${tried} runs`);
  assert.is(normalizeText('資訊公開'), '资讯公开');
});

test.run();
