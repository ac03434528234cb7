// What the command line gives the core that the core cannot take itself
// (it uses no Node-only API): native inflate for workbooks, and the folders
// of pdf.js's CMaps and standard fonts for PDFs whose fonts are not embedded.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as zlib from 'node:zlib';
import { useZlib } from '../extract/workbook.js';
import { usePdfAssets } from '../extract/pdf/load.js';

let done = false;

export function useNodeRuntime(): void {
  if (done) return;
  done = true;
  // SheetJS's own inflater can loop without end on a damaged deflate stream.
  useZlib(zlib);
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  usePdfAssets({ cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` });
}
