// PDF → grids, one reader more under the extract stage: ruled tables by their
// rules (lattice.ts), tables without rules by the positions of their header
// labels (stream.ts), and the rest of the text, in page order, for the
// metadata and prose stages. Image-only pages are reported, never guessed.

import { diagnostic } from '../../core/diagnostics.js';
import type { Diagnostic, Grid } from '../../core/types.js';
import { chainRegions, type Region, regionsToGrid, tableRegions } from './lattice.js';
import { type LoadedPdf, loadPdf } from './load.js';
import type { StreamWords } from '../words.js';
import { streamGrids } from './stream.js';
import { isPageNumber, lineText, type TextLine, textLines } from './text.js';
import type { PdfPage, PdfText } from './types.js';

export interface PdfLimits {
  maxPages: number;
}

export interface PdfExtracted {
  grids: Grid[];
  diagnostics: Diagnostic[];
  text: { meta: string; prose: string };
}

/** A page with no text and most of its area painted by images is a scan. */
const isImageOnly = (p: PdfPage): boolean => p.texts.length === 0 && p.imageCover >= 0.3;

/** Lines of running text: a line that reaches the right margin continues on the next (Chinese wraps mid-sentence). */
function paragraphs(pages: { page: PdfPage; lines: TextLine[] }[]): string {
  let out = '';
  let full = false;
  for (const { lines } of pages) {
    const right = Math.max(0, ...lines.map((l) => l.x1));
    for (const l of lines) {
      const text = lineText(l);
      if (out !== '') out += full ? '' : '\n';
      out += text;
      full = l.x1 >= right - 1.5 * l.size;
    }
  }
  return out;
}

export async function extractPdfGrids(bytes: Uint8Array, limits: PdfLimits, words: StreamWords, file?: string): Promise<PdfExtracted> {
  return pdfGrids(await loadPdf(bytes, limits, file), words);
}

/** The grids and text of a loaded PDF's pages: no pdf.js here, only the items and rules it gave. */
export function pdfGrids(pdf: LoadedPdf, words: StreamWords): PdfExtracted {
  const diagnostics: Diagnostic[] = [];
  if (pdf.total > pdf.pages.length) {
    diagnostics.push(diagnostic('limit-pages', { total: pdf.total, read: pdf.pages.length }, { actual: pdf.total, expected: pdf.pages.length }));
  }
  const scanned = pdf.pages.filter(isImageOnly).map((p) => p.number);
  if (scanned.length > 0) {
    diagnostics.push(diagnostic('pdf-image-only', { pages: scanned, all: scanned.length === pdf.pages.length }, { actual: scanned }));
  }
  const byPage = pdf.pages.map((page) => ({ page, regions: tableRegions(page) }));
  const grids: Grid[] = [];
  for (const parts of chainRegions(byPage)) {
    const grid = regionsToGrid(parts, grids.length);
    if (grid) grids.push(grid);
  }
  const inTables = new Set<PdfText>(byPage.flatMap((p) => p.regions.flatMap((r: Region) => r.texts)));
  // The text outside ruled tables, page furniture dropped; tables without rules are found in it.
  const rest = byPage.map(({ page }) => ({ page, lines: textLines(page.texts.filter((t) => !inTables.has(t))).filter((l) => !isPageNumber(lineText(l))) }));
  const stream = streamGrids(rest, words, grids.length);
  for (const g of stream.grids) {
    grids.push(g);
    diagnostics.push(
      diagnostic(
        'pdf-stream-table',
        { table: g.index, page: g.origin.page ?? null },
        {
          cell: { table: g.index, ...(g.origin.page ? { page: g.origin.page } : {}) },
        },
      ),
    );
  }
  const prose = rest.map(({ page, lines }) => ({ page, lines: lines.filter((l) => !stream.used.has(l)) }));
  const meta = byPage.map(({ page }) => textLines(page.texts).map(lineText).join('\n')).join('\n');
  return { grids, diagnostics, text: { meta, prose: paragraphs(prose) } };
}
