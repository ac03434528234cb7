// What the command line gives the core that the core cannot take itself
// (it uses no Node-only API): native inflate for workbooks, the folders of
// pdf.js's CMaps and standard fonts for PDFs whose fonts are not embedded,
// and the default catalogue as the build stored it.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { deserialize } from 'node:v8';
import { dirname, join } from 'node:path';
import { type Catalogue, useDefaultCatalogue } from '../catalogue/index.js';
import { whenLoaded } from '../core/libraries.js';
import { useZlib } from '../extract/workbook.js';
import { usePdfAssets } from '../extract/pdf/load.js';
import { packageFile } from './paths.js';

let done = false;

export function useNodeRuntime(): void {
  if (done) return;
  done = true;
  const require = createRequire(import.meta.url);
  // SheetJS's own inflater can loop without end on a damaged deflate stream.
  // node:zlib is loaded when SheetJS is, not before: a text input needs neither.
  whenLoaded('xlsx', () => useZlib(require('node:zlib')));
  useStoredCatalogue();
  // Found when the first PDF is read: resolving the package costs a start that reads no PDF.
  usePdfAssets(() => {
    const root = dirname(require.resolve('pdfjs-dist/package.json'));
    return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
  });
}

/** The catalogue the build step serialised; when it cannot be read (another Node, a damaged install) it is built as usual. */
function useStoredCatalogue(): void {
  try {
    useDefaultCatalogue(deserialize(readFileSync(packageFile('dist', 'src', 'catalogue', 'catalogue.v8'))) as Catalogue);
  } catch {
    // defaultCatalogue() builds it from the bundled templates.
  }
}
