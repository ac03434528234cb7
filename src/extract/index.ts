// Stage: decoded text → every candidate table grid, whatever the input kind.

import type { DecodedInput, Grid } from '../types.js';
import { extractHtmlGrids } from './html.js';
import { extractPipeGrids, textLines } from './pipe.js';
import { extractStreamGrids } from './stream.js';

/** Pipe tables first; then flattened tables in the lines no pipe table used. */
export function extractTextGrids(text: string): Grid[] {
  const lines = textLines(text);
  const pipe = extractPipeGrids(lines);
  const stream = extractStreamGrids(lines, pipe.used, pipe.grids.length);
  // Document order, so table indices follow the page.
  return [...pipe.grids, ...stream].sort((a, b) => (a.origin.line ?? 0) - (b.origin.line ?? 0)).map((g, index) => ({ ...g, index }));
}

export function extractGrids(input: DecodedInput): Grid[] {
  return input.kind === 'html' ? extractHtmlGrids(input.text) : extractTextGrids(input.text);
}

export { extractHtmlGrids };
