// Stage: decoded text → every candidate table grid, whatever the input kind.

import type { DecodedInput, Grid } from '../types.js';
import { extractHtmlGrids } from './html.js';
import { extractPipeGrids } from './pipe.js';

export function extractGrids(input: DecodedInput): Grid[] {
  return input.kind === 'html' ? extractHtmlGrids(input.text) : extractPipeGrids(input.text);
}

export { extractHtmlGrids, extractPipeGrids };
