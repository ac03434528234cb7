// PDF time per page, ours beside pdf.js's own extraction of the same file
// (getTextContent + getOperatorList of every page), measured in one run.
// First page: the file read with maxPages 1 (the document opened, pdf.js and
// fonts loaded); later pages: (whole file − first page) / (pages − 1).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { parseReportAsync } from '../dist/src/index.js';

const now = () => Number(process.hrtime.bigint()) / 1e6;

async function pdfjsOnly(bytes, maxPages) {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const n = Math.min(doc.numPages, maxPages);
  for (let p = 1; p <= n; p++) {
    const page = await doc.getPage(p);
    await page.getTextContent();
    await page.getOperatorList();
  }
  await doc.destroy();
  return doc.numPages;
}

async function best(f, rounds) {
  let t = Infinity;
  for (let r = 0; r < rounds; r++) {
    const s = now();
    await f();
    t = Math.min(t, now() - s);
  }
  return t;
}

export async function benchPdf(dir, rounds) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.pdf') && f !== 'encrypted.pdf')
    .sort();
  // Warm up both (module loading, the worker's font code).
  for (const f of files.slice(0, 2)) {
    const bytes = readFileSync(join(dir, f));
    await parseReportAsync(bytes);
    await pdfjsOnly(bytes, Infinity);
  }
  const per = [];
  for (const f of files) {
    const bytes = readFileSync(join(dir, f));
    const pages = await pdfjsOnly(bytes, 1);
    const ours = await best(() => parseReportAsync(bytes), rounds);
    const oursFirst = await best(() => parseReportAsync(bytes, { maxPages: 1 }), rounds);
    const base = await best(() => pdfjsOnly(bytes, Infinity), rounds);
    const baseFirst = await best(() => pdfjsOnly(bytes, 1), rounds);
    const later = (t, first) => (pages > 1 ? (t - first) / (pages - 1) : null);
    per.push({
      file: f,
      pages,
      oursMs: ours,
      baselineMs: base,
      ratio: ours / base,
      oursFirstPageMs: oursFirst,
      oursLaterPageMs: later(ours, oursFirst),
      baselineFirstPageMs: baseFirst,
      baselineLaterPageMs: later(base, baseFirst),
    });
  }
  const total = (k) => per.reduce((s, r) => s + r[k], 0);
  const laterPages = per.filter((r) => r.oursLaterPageMs !== null);
  const maxLater = Math.max(...laterPages.map((r) => r.oursLaterPageMs));
  return {
    files: per,
    ratio: total('oursMs') / total('baselineMs'),
    maxLaterPageMs: maxLater,
    targets: { ratio: 1.3, laterPageMs: 150 },
  };
}
