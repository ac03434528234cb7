// npm run bench: throughput, memory and start-up of zfxxgk, each against a
// baseline measured on the same bytes in the same run.
//
//   corpus    seeded: report pages of 50–150 KB (prose, navigation and CMS
//             markup around the tables), pipe-text pages, .xlsx and .xls returns
//   per kind  parseReport median/p95 per file, files/s, MB/s; the bare library
//             on the same bytes (parse5 on the whole page, SheetJS to arrays,
//             papaparse splitting the text) and the ratio ours / baseline
//   CLI       cold start of `zfxxgk --version` and of parsing one small file
//   batch     `zfxxgk convert` of 1,000 and 10,000 files on 2 threads (files/s,
//             peak RSS), and 1 thread on the same files for the scaling ratio
// Prints a table and writes bench/results.json.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parse5, parseFragment } from 'parse5';
import Papa from 'papaparse';
import * as XLSX from 'xlsx';
import { parseReport } from '../dist/src/index.js';
import { defaultCatalogue } from '../dist/src/catalogue/index.js';
import { formWorkbook, workbookBytes } from '../dist/src/output/workbook.js';
import { paperSheets } from '../dist/src/output/paper-form.js';
import { benchPdf } from './pdf.mjs';
import { targetsOf } from './targets.mjs';
import { scanPage } from '../dist/src/extract/html-scan.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = join(ROOT, 'bench', 'corpus');
const quick = process.argv.includes('--quick');
const started = Date.now();

// ---------- a seeded corpus ----------
let seed = 20261123;
const rnd = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
const pick = (a) => a[Math.floor(rnd() * a.length)];
const WORDS = [
  '政务公开',
  '信息公开',
  '依申请公开',
  '主动公开',
  '政策解读',
  '回应关切',
  '平台建设',
  '标准化',
  '规范化',
  '基层政务',
  '便民服务',
  '行政执法',
  '财政预决算',
  '重点领域',
  '工作机制',
  '保密审查',
  '考核评议',
  '培训',
  '网站集约化',
  '数据开放',
];
const sentence = () =>
  `${pick(['我局', '全区各部门', '本单位', '全镇', '各街道'])}${pick(['进一步', '持续', '认真', '扎实'])}${pick(['推进', '加强', '完善', '落实'])}${pick(WORDS)}${pick(['工作', '建设', '制度'])}，${pick(['围绕', '聚焦', '紧扣'])}${pick(WORDS)}${pick(['开展', '组织', '部署'])}${pick(WORDS)}${pick(['专项行动', '工作', '检查'])}，${pick(['取得明显成效', '群众满意度不断提升', '公开质量稳步提高'])}。`;
const paragraphs = (bytes) => {
  const out = [];
  let n = 0;
  while (n < bytes) {
    const p = Array.from({ length: 3 + Math.floor(rnd() * 5) }, sentence).join('');
    out.push(p);
    n += Buffer.byteLength(p);
  }
  return out;
};
const NAV = `<div class="top"><ul class="nav">${Array.from({ length: 40 }, (_, i) => `<li><a href="/col${i}/index.html" target="_blank">${pick(WORDS)}</a></li>`).join('')}</ul></div>
<script type="text/javascript">var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="/stat.js";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();${'function f(a){return a*2;}'.repeat(60)}</script>
<style>.content{font-size:16px;line-height:1.8}${'.c{margin:0}'.repeat(150)}</style>`;

function fixture(...p) {
  return readFileSync(join(ROOT, 'fixtures', ...p));
}
const tableHtml = {
  2021: fixture('tables', '2021-html', 'input.html')
    .toString('utf8')
    .match(/<table[\s\S]*<\/table>/)[0],
  2019: fixture('tables', '2019-html', 'input.html')
    .toString('utf8')
    .match(/<table[\s\S]*<\/table>/)[0],
};
const pipeTable = fixture('tables', '2021-pipe', 'input.txt').toString('utf8');
const seedPipe = fixture('tables', 'seed003-2014-pipe', 'input.txt').toString('utf8');

function htmlPage(i) {
  const target = 50_000 + Math.floor(rnd() * 100_000);
  const ps = paragraphs(target * 0.7);
  const half = Math.floor(ps.length / 2);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>某某单位${2019 + (i % 5)}年政府信息公开工作年度报告</title></head><body>${NAV}
<div class="position">当前位置：<a href="/">首页</a> &gt; 政府信息公开年报</div><div class="content" id="zoom"><h1>某某单位${2019 + (i % 5)}年政府信息公开工作年度报告</h1>
${ps
  .slice(0, half)
  .map((p) => `<p style="text-indent:2em">${p}</p>`)
  .join('\n')}
${i % 2 ? tableHtml[2021] : tableHtml[2019]}
${ps
  .slice(half)
  .map((p) => `<p style="text-indent:2em">${p}</p>`)
  .join('\n')}
</div><div class="footer">${'<span>主办单位：某某人民政府办公室</span>'.repeat(20)}</div></body></html>`;
}

function pipePage(i) {
  const target = 50_000 + Math.floor(rnd() * 100_000);
  const ps = paragraphs(target * 0.8);
  const table = i % 2 ? pipeTable : seedPipe;
  return `${ps.slice(0, ps.length / 2).join('\n')}\n${table}\n${ps.slice(ps.length / 2).join('\n')}\n`;
}

function workbook(i, bookType) {
  const form = defaultCatalogue().forms[i % 3];
  const values = new Map();
  for (const l of paperSheets(form)) for (const s of l.slots) values.set(s.id, Math.floor(rnd() * 50));
  return workbookBytes(formWorkbook(form, values), bookType);
}

rmSync(CORPUS, { recursive: true, force: true });
mkdirSync(CORPUS, { recursive: true });
const N = quick ? 10 : 40;
const files = { html: [], pipe: [], xlsx: [], xls: [] };
for (let i = 0; i < N; i++) {
  const add = (kind, name, data) => {
    const path = join(CORPUS, name);
    writeFileSync(path, data);
    files[kind].push({ path, bytes: readFileSync(path) });
  };
  add('html', `page-${i}.html`, htmlPage(i));
  add('pipe', `page-${i}.txt`, pipePage(i));
  add('xlsx', `return-${i}.xlsx`, workbook(i, 'xlsx'));
  add('xls', `return-${i}.xls`, workbook(i, 'biff8'));
}

// ---------- timing helpers ----------
const now = () => Number(process.hrtime.bigint()) / 1e6;
function timeEach(items, f, rounds = quick ? 2 : 5) {
  for (const it of items.slice(0, 3)) f(it); // warm up
  const per = [];
  for (const it of items) {
    let best = Infinity;
    for (let r = 0; r < rounds; r++) {
      const t = now();
      f(it);
      best = Math.min(best, now() - t);
    }
    per.push(best);
  }
  per.sort((a, b) => a - b);
  const total = per.reduce((s, x) => s + x, 0);
  const bytes = items.reduce((s, it) => s + it.bytes.length, 0);
  return { median: per[Math.floor(per.length / 2)], p95: per[Math.floor(per.length * 0.95)], filesPerSec: (1000 * items.length) / total, mbPerSec: bytes / 1e6 / (total / 1000), total };
}

const baselines = {
  html: { name: 'parse5 whole page', f: (it) => parse5(it.bytes.toString('utf8')) },
  pipe: { name: 'papaparse split', f: (it) => Papa.parse(it.bytes.toString('utf8'), { delimiter: '|' }) },
  xlsx: {
    name: 'SheetJS read + arrays',
    f: (it) => {
      const wb = XLSX.read(it.bytes, { type: 'buffer', dense: true });
      for (const n of wb.SheetNames) XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1 });
    },
  },
  xls: {
    name: 'SheetJS read + arrays',
    f: (it) => {
      const wb = XLSX.read(it.bytes, { type: 'buffer', dense: true });
      for (const n of wb.SheetNames) XLSX.utils.sheet_to_json(wb.Sheets[n], { header: 1 });
    },
  },
};

// Where the time goes: parseReport's own progress events split each run into
// read+decode | extract grids | tables (normalise … checks) | meta + prose.
const STAGES = ['read', 'extract', 'tables', 'prose'];
function stageShares(items) {
  const sums = Object.fromEntries(STAGES.map((k) => [k, 0]));
  for (const it of items) {
    let stage = 'read';
    let t = now();
    parseReport(it.bytes, {
      onProgress: (p) => {
        if (p.stage === stage) return;
        const at = now();
        sums[stage] += at - t;
        [stage, t] = [p.stage, at];
      },
    });
  }
  const total = Object.values(sums).reduce((a, b) => a + b, 0);
  return Object.fromEntries(STAGES.map((k) => [k, sums[k] / total]));
}

// The floor of the HTML path: parse5 on the table regions alone, as our extract stage calls it
// (without location tracking: cells' lines come from a scan of their start tags).
const tableRegionsParse5 = (it) => {
  const html = it.bytes.toString('utf8');
  for (const r of scanPage(html).regions) parseFragment(html.slice(r.start, r.end));
};

const perKind = {};
for (const kind of Object.keys(files)) {
  const ours = timeEach(files[kind], (it) => parseReport(it.bytes));
  const base = timeEach(files[kind], baselines[kind].f);
  const sizes = files[kind].map((it) => it.bytes.length);
  perKind[kind] = {
    files: files[kind].length,
    kb: { min: Math.min(...sizes) / 1024, max: Math.max(...sizes) / 1024 },
    ours,
    baseline: { name: baselines[kind].name, ...base },
    ratio: ours.total / base.total,
    stages: stageShares(files[kind]),
  };
}
perKind.html.floor = { name: 'parse5 on the table regions only', ...timeEach(files.html, tableRegionsParse5) };
perKind.html.floor.ratioToBaseline = perKind.html.floor.total / perKind.html.baseline.total;

// ---------- CLI cold start ----------
const BIN = join(ROOT, 'bin', 'zfxxgk.js');
/** Median wall time of starting a fresh Node process with these arguments. */
function coldStart(argv, runs = quick ? 5 : 20) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = now();
    execFileSync(process.execPath, argv, { stdio: 'ignore' });
    times.push(now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}
const cli = {
  nodeBareMs: coldStart(['-e', '0']),
  versionMs: coldStart([BIN, '--version']),
  parseSmallMs: coldStart([BIN, 'parse', join(ROOT, 'fixtures', 'examples', 'xuejiadao-2017.txt')]),
};

// ---------- pandas, where Python has it ----------
// pandas.read_html with lxml on the same pages (each file's best of 3, the median over files), or why not.
function pandasBench() {
  const probe = spawnSync('python3', ['-c', 'import pandas, lxml; print(pandas.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { available: false, reason: probe.error ? 'no python3' : 'python3 has no pandas with lxml' };
  const script = `import io, json, sys, time, statistics, pandas
ts = []
for f in sys.argv[1:]:
    html = open(f, encoding='utf-8').read()
    best = float('inf')
    for _ in range(3):
        t = time.perf_counter()
        pandas.read_html(io.StringIO(html), flavor='lxml')
        best = min(best, time.perf_counter() - t)
    ts.append(best * 1000)
print(json.dumps({'median': statistics.median(ts)}))`;
  const run = spawnSync('python3', ['-c', script, ...files.html.map((it) => it.path)], { encoding: 'utf8' });
  if (run.status !== 0) return { available: false, reason: `pandas failed: ${run.stderr.trim().split('\n').at(-1)}` };
  return { available: true, version: probe.stdout.trim(), medianMs: JSON.parse(run.stdout).median };
}
const pandas = pandasBench();

// ---------- batch convert ----------
const BATCH = join(ROOT, 'bench', 'corpus', 'batch');
// A province's folder: returns and report pages of every kind, 8–120 KB.
const batchSources = [
  ...['seed003-2014-pipe/input.txt', '2021-html/input.html', '2019-html/input.html', '2014-html-gb2312/input.html', '2021-pipe/input.txt', 'rw-027-xuwen-bureau-2021form-blankcells-pipe/input.md'].map(
    (p) => ({ path: join(ROOT, 'fixtures', 'tables', p) }),
  ),
  ...['2021-filled.xlsx', '2019-filled.xls', '2014-filled.csv', 'agency-a-2021.xlsx'].map((p) => ({ path: join(ROOT, 'fixtures', 'returns', p) })),
  ...files.html.slice(0, 2),
  ...files.pipe.slice(0, 2),
];
function batchFolder(count) {
  const dir = join(BATCH, String(count));
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const src = batchSources[i % batchSources.length].path;
    linkSync(src, join(dir, `${String(i).padStart(6, '0')}${src.slice(src.lastIndexOf('.'))}`)); // hard links: 10,000 names, little disk
  }
  return dir;
}
function convert(dir, threads, ext = 'jsonl') {
  return new Promise((resolve, reject) => {
    const out = join(BATCH, `out-${threads}.${ext}`);
    rmSync(out, { force: true });
    const rssFile = join(BATCH, 'rss.txt');
    const t = now();
    const child = spawn(process.execPath, ['--import', join(ROOT, 'bench', 'report-rss.mjs'), BIN, 'convert', dir, '--out', out, '--threads', String(threads)], {
      stdio: ['ignore', 'ignore', 'ignore'],
      env: { ...process.env, ZFXXGK_RSS_FILE: rssFile },
    });
    child.on('exit', (code) => {
      const ms = now() - t;
      if (code !== 0) return reject(new Error(`convert exited ${code}`));
      const count = Number(dir.slice(dir.lastIndexOf('/') + 1));
      resolve({ files: count, threads, output: ext, seconds: ms / 1000, filesPerSec: count / (ms / 1000), peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024 });
    });
  });
}
const small = batchFolder(quick ? 200 : 1000);
const large = batchFolder(quick ? 1000 : 10000);
const scale = batchFolder(quick ? 300 : 2000);
const batch = {
  twoThreads1k: await convert(small, 2),
  twoThreads10k: await convert(large, 2),
  oneThreadScaling: await convert(scale, 1),
  twoThreadsScaling: await convert(scale, 2),
};
// Dataset outputs stream too: SQLite and Parquet at 1,000 and 10,000 files.
for (const ext of ['sqlite', 'parquet']) {
  batch[`${ext}1k`] = await convert(small, 2, ext);
  batch[`${ext}10k`] = await convert(large, 2, ext);
  batch[`${ext}RssGrowth`] = batch[`${ext}10k`].peakRssMb / batch[`${ext}1k`].peakRssMb;
}
batch.scaling = batch.twoThreadsScaling.filesPerSec / batch.oneThreadScaling.filesPerSec;
// What two threads give on this machine at best: a pure-CPU loop, the same total work on 1 and on 2 workers.
async function trivialWorkers(threads, total) {
  const code = `const { parentPort, workerData } = require('node:worker_threads'); let x = 0; for (let i = 0; i < workerData; i++) x = (x * 31 + i) % 1000003; parentPort.postMessage(x);`;
  const t = now();
  await Promise.all(Array.from({ length: threads }, () => new Promise((resolve) => new Worker(code, { eval: true, workerData: total / threads }).once('message', resolve))));
  return now() - t;
}
batch.trivialScaling = (await trivialWorkers(1, 4e8)) / (await trivialWorkers(2, 4e8));
batch.rssGrowth = batch.twoThreads10k.peakRssMb / batch.twoThreads1k.peakRssMb;

// ---------- PDF ----------
const pdf = await benchPdf(join(ROOT, 'fixtures', 'pdf'), quick ? 2 : 5);

// ---------- report ----------
const results = {
  date: new Date().toISOString(),
  machine: { cpu: cpus()[0]?.model ?? 'unknown', cores: availableParallelism(), memoryGb: Math.round(totalmem() / 2 ** 30), platform: `${process.platform} ${process.arch}` },
  node: process.version,
  quick,
  perKind,
  cli,
  batch,
  pdf,
  pandas,
  seconds: (Date.now() - started) / 1000,
};
results.targets = targetsOf(results);
const f1 = (x) => x.toFixed(1);
const f2 = (x) => x.toFixed(2);
console.log(`zfxxgk bench — ${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.node}${quick ? ' (quick)' : ''}`);
console.log('kind   files  size KB      ours median/p95 ms  files/s   MB/s   baseline                 median ms  ratio ours/base');
for (const [kind, r] of Object.entries(perKind)) {
  console.log(
    `${kind.padEnd(6)} ${String(r.files).padStart(5)}  ${f1(r.kb.min).padStart(5)}–${f1(r.kb.max).padEnd(6)} ${f2(r.ours.median).padStart(7)} / ${f2(r.ours.p95).padEnd(8)} ${f1(r.ours.filesPerSec).padStart(7)} ${f1(r.ours.mbPerSec).padStart(6)}   ${r.baseline.name.padEnd(24)} ${f2(r.baseline.median).padStart(8)}   ${f2(r.ratio)}`,
  );
}
for (const [kind, r] of Object.entries(perKind)) console.log(`${kind.padEnd(6)} time by stage: ${STAGES.map((k) => `${k} ${(100 * r.stages[k]).toFixed(0)}%`).join(', ')}`);
const fl = perKind.html.floor;
console.log(`html   ${fl.name}: median ${f2(fl.median)} ms, ${f2(fl.ratioToBaseline)}× the whole-page parse (any pipeline that hands its tables to parse5 costs at least this)`);
console.log(`CLI cold start: node -e 0 ${f1(cli.nodeBareMs)} ms; zfxxgk --version ${f1(cli.versionMs)} ms; zfxxgk parse (small file) ${f1(cli.parseSmallMs)} ms`);
for (const [k, b] of Object.entries(batch))
  if (typeof b === 'object')
    console.log(`convert ${String(b.files).padStart(5)} files, ${b.threads} thread(s) → .${b.output}: ${f1(b.filesPerSec)} files/s, ${f1(b.seconds)} s, peak RSS ${f1(b.peakRssMb)} MB  (${k})`);
console.log(`convert peak RSS 10,000 / 1,000 files: .sqlite ${f2(batch.sqliteRssGrowth)}×, .parquet ${f2(batch.parquetRssGrowth)}×`);
for (const r of pdf.files) {
  const later = r.oursLaterPageMs === null ? '' : `, later pages ${f1(r.oursLaterPageMs)} ms (pdf.js ${f1(r.baselineLaterPageMs)})`;
  console.log(
    `pdf    ${r.file.padEnd(24)} ${r.pages} p  ours ${f1(r.oursMs)} ms, pdf.js text+operators ${f1(r.baselineMs)} ms (${f2(r.ratio)}×); first page ${f1(r.oursFirstPageMs)} ms (pdf.js ${f1(r.baselineFirstPageMs)})${later}`,
  );
}
const mark = (ok) => (ok ? 'PASS' : 'MISS');
console.log(
  `pdf    all files: ${f2(pdf.ratio)}× pdf.js's own extraction (target ≤ ${pdf.targets.ratio}×: ${mark(pdf.ratio <= pdf.targets.ratio)}); slowest later page ${f1(pdf.maxLaterPageMs)} ms (target ≤ ${pdf.targets.laterPageMs} ms: ${mark(pdf.maxLaterPageMs <= pdf.targets.laterPageMs)})`,
);
console.log(
  `convert scaling 2 threads / 1 thread: ${f2(batch.scaling)}× (a trivial worker loop: ${f2(batch.trivialScaling)}×); peak RSS 10,000 / 1,000 files: ${f2(batch.rssGrowth)}×; bench took ${f1(results.seconds)} s`,
);
console.log(`\ntargets (${results.machine.cpu}, ${results.machine.cores} cores, Node ${results.node}):`);
for (const t of results.targets) console.log(`  ${t.result.padEnd(4)}  ${t.what}: ${t.measured} (bound ${t.bound}; ${t.baseline})`);
writeFileSync(join(ROOT, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
rmSync(BATCH, { recursive: true, force: true });
