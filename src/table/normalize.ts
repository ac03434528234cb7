// Stage: grid → grid with every text cell normalised (script, width, ruby,
// whitespace). Cells holding no Han character are left alone: numbers do not
// need it, and wide tables of numbers stay cheap. Spanned copies share the
// normalisation of their original through a per-grid cache.

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

export function normalizeGrid(grid: Grid, vocabulary: Vocabulary): LabelledGrid {
  const cache = new Map<string, NormalizedLabel>();
  const rows = grid.rows.map((cells, index) => ({
    index,
    cells,
    labels: cells.map((cell) => {
      if (!HAN.test(cell.text)) return null;
      let label = cache.get(cell.text);
      if (!label) {
        label = normalizeLabel(cell.text, vocabulary);
        cache.set(cell.text, label);
      }
      return label;
    }),
  }));
  return { grid, rows };
}
