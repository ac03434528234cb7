// The command line behaves like a Unix tool: strict options, per-command
// help, standard input, the output's extension, no overwriting an input, a
// coded error for an unwritable output, quiet on a closed pipe, and convert
// says what it skipped.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { main } from '../src/cli/main.js';
import { COMMAND_SPECS } from '../src/cli/spec.js';
import { fakeIO, fixture, ROOT } from './helpers.js';

const example = fixture('examples', 'xuejiadao-2017.txt');
const html = fixture('tables', '2014-html-gb2312', 'input.html');
const BIN = join(ROOT, 'bin', 'zfxxgk.js');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'zfxxgk-cli-'));

test('an unknown or misspelt option is a usage error (exit 2) naming the nearest valid one', async () => {
  const io = fakeIO();
  assert.is(await main(['parse', '--fromat', 'csv', example], io), 2);
  assert.match(io.err(), /parse has no option --fromat; did you mean --format\?/);
  assert.match(io.err(), /zfxxgk parse --help/);
  assert.is(io.out(), '', 'nothing was parsed');
  const other = fakeIO();
  assert.is(await main(['convert', example, '--out', 'x.json', '--verbos'], other), 2);
  assert.match(other.err(), /convert has no option --verbos/);
  const command = fakeIO();
  assert.is(await main(['prase', example], command), 2);
  assert.match(command.err(), /unknown command "prase"; did you mean "parse"\?/);
  const missing = fakeIO();
  assert.is(await main(['parse', example, '--format'], missing), 2);
  assert.match(missing.err(), /--format/);
});

test('every command has its own --help: usage, options and an example', async () => {
  for (const spec of COMMAND_SPECS) {
    const io = fakeIO();
    assert.is(await main([spec.name, '--help'], io), 0, spec.name);
    assert.ok(io.out().startsWith(`zfxxgk ${spec.name}`), io.out());
    for (const o of spec.options) assert.match(io.out(), `--${o}`, `${spec.name} --help names --${o}`);
    assert.match(io.out(), /Examples:\n {2}zfxxgk /);
  }
  const general = fakeIO();
  assert.is(await main(['--help'], general), 0);
  for (const spec of COMMAND_SPECS) assert.match(general.out(), `  ${spec.name} `);
});

test('- reads standard input, named by --source', async () => {
  const io = { ...fakeIO(), stdin: [readFileSync(example)] };
  assert.is(await main(['parse', '-', '--format', 'csv', '--source', 'piped.txt'], io), 0);
  const lines = io.out().trim().split('\n');
  assert.is(lines[0], 'source,form,table,id,value,unit,raw,row,col,agency,year,variant,column,column_kind,label,catalogue_label,page,sheet,ref,line');
  assert.is(lines.length, 61);
  assert.ok(lines[1]?.startsWith('piped.txt,2014,stats,active.total,24,'), lines[1]);
  // Through a real pipe, too.
  const piped = spawnSync(process.execPath, [BIN, 'parse', '-'], { input: readFileSync(html), encoding: 'utf8' });
  assert.is(piped.status, 0, piped.stderr);
  assert.is(JSON.parse(piped.stdout).source, '-');
  assert.is(JSON.parse(piped.stdout).tables[0].indicators.length, 60);
});

test('--out report.csv writes CSV; an extension that contradicts --format is a usage error', async () => {
  const dir = tmp();
  for (const [ext, check] of [
    ['csv', (s: string) => s.startsWith('source,form,table,id,')],
    ['jsonl', (s: string) => s.trim().split('\n').length === 1 && JSON.parse(s).tables.length === 1],
    ['json', (s: string) => JSON.parse(s).tables.length === 1],
  ] as const) {
    const out = join(dir, `report.${ext}`);
    assert.is(await main(['parse', example, '--out', out], fakeIO()), 0);
    assert.ok(check(readFileSync(out, 'utf8')), `${ext}: ${readFileSync(out, 'utf8').slice(0, 80)}`);
  }
  const io = fakeIO();
  assert.is(await main(['parse', example, '--out', join(dir, 'x.csv'), '--format', 'json'], io), 2);
  assert.match(io.err(), /--format json contradicts --out .*x\.csv/);
  assert.not.ok(existsSync(join(dir, 'x.csv')));
});

test('an output that is one of the inputs is refused before anything is read', async () => {
  const dir = tmp();
  const input = join(dir, 'a.md');
  copyFileSync(example, input);
  const book = join(dir, 'return.xlsx');
  copyFileSync(fixture('returns', 'agency-a-2021.xlsx'), book);
  const before = readFileSync(input);
  for (const argv of [
    ['parse', input, '--out', input],
    ['check', input, '--out', join(dir, '.', 'a.md')],
    ['convert', dir, '--out', input],
    ['aggregate', dir, '--out', book],
  ]) {
    const io = fakeIO();
    const code = await main(argv, io);
    assert.ok(code === 2, `${argv.join(' ')} → ${code}: ${io.err()}`);
    assert.match(io.err(), /is one of the inputs/);
    assert.equal(readFileSync(input), before, 'the input is untouched');
  }
});

test('an output that cannot be written has its own code, not internal-error', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'file'), 'x');
  const io = fakeIO();
  assert.is(await main(['parse', example, '--out', join(dir, 'file', 'out.json')], io), 1);
  assert.match(io.err(), /out\.json: output-unwritable: cannot write the output/);
  assert.not.match(io.err(), /internal-error/);
  if (process.getuid?.() !== 0) {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const denied = fakeIO();
    assert.is(await main(['convert', example, '--out', join(ro, 'x.csv')], denied), 1);
    assert.match(denied.err(), /output-unwritable/);
  }
});

test('a closed pipe ends quietly, with no stack trace', () => {
  for (const argv of [['codes'], ['parse', example, '--format', 'csv']]) {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" ${argv.map((a) => `'${a}'`).join(' ')} | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    assert.is(run.stdout.trim().split('\n').length, 1, run.stdout);
    assert.not.match(run.stderr, /EPIPE|Error|\n\s+at /, run.stderr);
    assert.match(run.stderr, /status 0/);
  }
});

test('convert counts and lists what it skipped, and says which files had tables', async () => {
  const dir = tmp();
  copyFileSync(example, join(dir, 'report.txt'));
  writeFileSync(join(dir, 'prose.txt'), '本年度政府信息公开工作总体情况良好。\n没有表格。\n');
  writeFileSync(join(dir, 'scan.wps'), 'x');
  writeFileSync(join(dir, 'old.doc'), 'x');
  writeFileSync(join(dir, 'old2.doc'), 'x');
  writeFileSync(join(dir, 'bad.xlsx'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]));
  const io = fakeIO();
  assert.is(await main(['convert', dir, '--out', join(dir, 'out', 'all.jsonl'), '--threads', '1'], io), 1);
  assert.match(io.err(), /skipped 3 file\(s\) of kinds it does not read: .doc 2, .wps 1/);
  assert.match(io.err(), /2 of 3 file\(s\) converted to .*all\.jsonl \(1 with tables, 1 without a table, 1 unreadable, 3 skipped\)/);
  assert.is(
    readFileSync(join(dir, 'out', 'all.jsonl'), 'utf8')
      .trim()
      .split('\n').length,
    2,
  );
});

test('a FIFO or a device is refused before reading, and a newline in a file name stays on one line', async () => {
  const dir = tmp();
  const fifo = join(dir, 'pipe.txt');
  const made = spawnSync('mkfifo', [fifo]);
  if (made.status === 0) {
    const io = fakeIO();
    assert.is(await main(['parse', fifo], io), 1);
    assert.match(io.err(), /pipe\.txt: input-not-file/);
  } else console.log('  skipped: mkfifo is not available here');
  const zero = fakeIO();
  assert.is(await main(['parse', '/dev/zero'], zero), 1);
  assert.match(zero.err(), /\/dev\/zero: input-not-file/);
  const odd = join(dir, 'two\nlines.txt');
  copyFileSync(example, odd);
  const io = fakeIO();
  assert.is(await main(['check', odd, join(dir, 'none\n.txt')], io), 1);
  const problem = io
    .err()
    .split('\n')
    .find((l) => l.includes('file-not-found'));
  assert.match(problem ?? '', /none\\x0a\.txt: file-not-found/);
});

test('a killed run leaves a temporary file that the next run removes', async () => {
  const dir = tmp();
  const stale = join(dir, '.all.json.zfxxgk-999999-1.tmp');
  writeFileSync(stale, '[');
  assert.is(await main(['convert', example, '--out', join(dir, 'all.json'), '--threads', '1'], fakeIO()), 0);
  assert.equal(readdirSync(dir).sort(), ['all.json']);
});

test('a file name in another encoding (GBK bytes) is found although argv decodes it to U+FFFD', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'zfxxgk-gbk-'));
  // 报告.txt in GBK, as archives made on Windows name their files.
  const raw = Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xb1, 0xa8, 0xb8, 0xe6]), Buffer.from('.txt')]);
  writeFileSync(raw, readFileSync(example));
  const given = raw.toString('utf8');
  assert.ok(given.includes('\uFFFD'));
  const io = fakeIO();
  assert.is(await main(['parse', given, '--format', 'csv'], io), 0, io.err());
  assert.match(io.out(), /active\./);
  const folder = fakeIO();
  assert.is(await main(['convert', dir, '--out', join(dir, 'out.jsonl')], folder), 0, folder.err());
  assert.is(readFileSync(join(dir, 'out.jsonl'), 'utf8').trim().split('\n').length, 1);
});

test.run();
