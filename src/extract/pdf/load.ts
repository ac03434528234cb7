// The adapter over pdf.js: bytes → pages of text items and rules. pdf.js is
// loaded only when a PDF is met, and runs in the calling thread (its worker
// module is handed over as `globalThis.pdfjsWorker`), so the same code serves
// Node and the page's Web Worker, with no network and no worker file.

import { ParseError } from '../../core/diagnostics.js';
import { type Ops, pageGraphics } from './rules.js';
import type { PdfPage, PdfText } from './types.js';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

interface PdfAssets {
  cMapUrl?: string;
  standardFontDataUrl?: string;
}

let assets: PdfAssets | (() => PdfAssets) = {};

/**
 * Where pdf.js finds its CMaps and standard fonts (a path or URL ending in /), for PDFs whose
 * fonts are not embedded; or a function that says so when the first PDF is read (the command
 * line passes the folders of the installed pdfjs-dist, found only then).
 */
export function usePdfAssets(where: PdfAssets | (() => PdfAssets)): void {
  assets = where;
}

let loaded: Promise<PdfJs> | null = null;

/**
 * Fonts map some ideographs to Kangxi radicals (⼆ U+2F06 for 二 U+4E8C): the characters look alike and mean the
 * same. They are read as the ideographs (their NFKC form); nothing else in the text is changed.
 */
function radicals(text: string): string {
  return text.replace(/[\u2e80-\u2fdf]/g, (c) => c.normalize('NFKC'));
}

async function pdfjs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loaded;
}

export interface LoadLimits {
  maxPages: number;
}

export interface LoadedPdf {
  pages: PdfPage[];
  /** Pages in the document (more than `pages.length` when the page limit was hit). */
  total: number;
}

/**
 * pdf.js drops the glyphs of a vertical (Identity-V) text run that it places outside the page when
 * the run is spread out by character spacing (a group label set one character a line down a tall
 * cell): the text layer keeps 三、本 of 三、本年度办理结果. The operator list still has every glyph:
 * where a text object in a vertical font shows more characters than its text items, its first item
 * gets them all. The label stays in the cell where it starts.
 */
function repairVertical(
  texts: PdfText[],
  items: { str?: string; fontName?: string }[],
  styles: Record<string, { vertical?: boolean }>,
  ops: { fnArray: number[]; argsArray: unknown[] },
  OPS: { setFont: number; showText: number },
): void {
  const vertical = new Set(
    Object.entries(styles)
      .filter(([, s]) => s.vertical === true)
      .map(([name]) => name),
  );
  if (vertical.size === 0) return;
  const runs: string[] = [];
  let font = '';
  let run = '';
  // Consecutive glyphs in vertical fonts form one run, whatever text objects they are split into.
  for (let i = 0; i < ops.fnArray.length; i++) {
    const fn = ops.fnArray[i];
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.setFont) font = String(args?.[0] ?? '');
    else if (fn !== OPS.showText) continue;
    else if (vertical.has(font)) for (const g of (args?.[0] as ({ unicode?: string } | number)[]) ?? []) run += typeof g === 'object' && g?.unicode ? g.unicode : '';
    else if (run !== '') {
      runs.push(run.replace(/\s+/g, ''));
      run = '';
    }
  }
  if (run !== '') runs.push(run.replace(/\s+/g, ''));
  const shown = items.filter((it) => it.fontName !== undefined && vertical.has(it.fontName) && (it.str ?? '').trim() !== '');
  for (const item of shown) {
    const str = (item.str ?? '').replace(/\s+/g, '');
    const full = runs.find((r) => r.startsWith(str) && r.length > str.length);
    const text = full ? texts.find((t) => t.vertical && t.str === item.str) : undefined;
    if (full && text) {
      text.h = (text.h * full.length) / Math.max(1, str.length);
      text.str = full;
      runs.splice(runs.indexOf(full), 1);
    }
  }
}

export async function loadPdf(bytes: Uint8Array, limits: LoadLimits, file?: string): Promise<LoadedPdf> {
  const lib = await pdfjs();
  const where = file ? { file } : {};
  let doc: Awaited<ReturnType<typeof lib.getDocument>['promise']>;
  try {
    if (typeof assets === 'function') assets = assets();
    // pdf.js takes ownership of the buffer it is given, and refuses a Node Buffer: hand it a plain copy.
    doc = await lib.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
      ...(assets.cMapUrl ? { cMapUrl: assets.cMapUrl, cMapPacked: true } : {}),
      ...(assets.standardFontDataUrl ? { standardFontDataUrl: assets.standardFontDataUrl } : {}),
    }).promise;
  } catch (e) {
    const err = e as Error & { name?: string };
    if (err.name === 'PasswordException') throw new ParseError('input-encrypted', {}, where);
    throw new ParseError('input-corrupt', { what: 'pdf-open', reason: err.message }, where);
  }
  try {
    const pages: PdfPage[] = [];
    const count = Math.min(doc.numPages, limits.maxPages);
    for (let n = 1; n <= count; n++) {
      const page = await doc.getPage(n);
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
      const content = await page.getTextContent();
      const styles = content.styles as Record<string, { vertical?: boolean }>;
      const texts: PdfText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        const [a = 0, b = 0, , , e = 0, f = 0] = item.transform as number[];
        texts.push({ str: radicals(item.str), page: n, x: e, y: f, w: item.width, h: item.height, size: Math.hypot(a, b) || item.height, vertical: styles[item.fontName]?.vertical === true });
      }
      const ops = await page.getOperatorList();
      repairVertical(texts, content.items as { str?: string; fontName?: string }[], styles, ops, lib.OPS);
      const graphics = pageGraphics(ops.fnArray, ops.argsArray, lib.OPS as unknown as Ops);
      const area = Math.abs((x1 - x0) * (y1 - y0)) || 1;
      pages.push({ number: n, width: x1 - x0, height: y1 - y0, texts, segments: graphics.segments, imageCover: Math.min(1, graphics.imageArea / area) });
      page.cleanup();
    }
    return { pages, total: doc.numPages };
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw new ParseError('input-corrupt', { what: 'pdf', reason: (e as Error).message }, where);
  } finally {
    await doc.destroy();
  }
}
