// Stage: grid → grid with every text cell normalised (script, width, ruby,
// whitespace). Cells holding no Han character are left alone: numbers do not
// need it, and wide tables of numbers stay cheap. Spanned copies, and labels
// met before, share one normalisation through a bounded cache.

import { kept } from '../core/memo.js';
import { normalizeLabel, type Vocabulary } from '../core/normalize-text.js';
import type { Cell, Grid, NormalizedLabel } from '../core/types.js';

export interface LabelledRow {
  /** 0-based row index in the grid. */
  index: number;
  cells: Cell[];
  /** Per cell: the normalised label, or null where the cell holds no Han text. */
  labels: (NormalizedLabel | null)[];
}

export interface LabelledGrid {
  grid: Grid;
  rows: LabelledRow[];
}

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Labels normalised lately, per vocabulary: the forms' own labels recur in every report of a batch. Labels are
 * never changed after they are made, so sharing them is safe; the cache is dropped when it fills.
 */
const labelCache = new WeakMap<Vocabulary, Map<string, NormalizedLabel>>();
const LABEL_CACHE_MAX = 20_000;

function cacheFor(vocabulary: Vocabulary): Map<string, NormalizedLabel> {
  const cache = kept(labelCache, vocabulary, () => new Map<string, NormalizedLabel>());
  if (cache.size < LABEL_CACHE_MAX) return cache;
  const fresh = new Map<string, NormalizedLabel>();
  labelCache.set(vocabulary, fresh);
  return fresh;
}

export function normalizeGrid(grid: Grid, vocabulary: Vocabulary): LabelledGrid {
  const cache = cacheFor(vocabulary);
  const rows = grid.rows.map((cells, index) => ({
    index,
    cells,
    labels: cells.map((cell) => (HAN.test(cell.text) ? kept(cache, cell.text, () => normalizeLabel(cell.text, vocabulary)) : null)),
  }));
  return { grid, rows };
}
