// Stage: each row label → a catalogue indicator. Exact keys first (label or
// alias after normalisation); where a key fits several indicators, the one
// nearest in the hierarchy to the previous match wins, so 「（二）被依法纠错数」
// under 四、行政复议 and under 五、行政诉讼 map to different ids. A label that
// fits nothing exactly may match approximately, always with a diagnostic.

import { kept } from '../core/memo.js';
import type { IndicatorEntry, LabelEntry } from '../catalogue/index.js';
import type { LabelledGrid } from './normalize.js';
import { rowLabelCol, type ListRecognition } from './recognize.js';
import type { NormalizedLabel } from '../core/types.js';

export interface MatchedRow {
  row: number;
  labelCol: number;
  label: NormalizedLabel;
  indicator: IndicatorEntry | null;
  /** Similarity in [0, 1] when the match was approximate. */
  fuzzy: number | null;
  /** Indicator already taken by an earlier row: this row is a duplicate. */
  duplicateOf: number | null;
}

/** Depth of the deepest common ancestor-or-self of two indicators (0 when none). */
function sharedDepth(a: LabelEntry, b: LabelEntry): number {
  const chainA = [a.id, ...a.ancestors].reverse();
  const chainB = [b.id, ...b.ancestors].reverse();
  let d = 0;
  while (d < chainA.length && d < chainB.length && chainA[d] === chainB[d]) d++;
  return d;
}

/** Among entries sharing a key, the one that fits the row's numbering and the previous match best. */
export function choose<T extends LabelEntry>(cands: T[], label: NormalizedLabel, previous: LabelEntry | null, used: { has(id: string): boolean }): T {
  let best = cands[0] as T;
  let bestScore = -Infinity;
  for (const c of cands) {
    let score = 0;
    if (previous) {
      score += 10 * sharedDepth(c, previous);
      // Rows run in paper order: prefer the next candidate after the previous match.
      score += c.order > previous.order ? 5 - Math.min(4, (c.order - previous.order) / 20) : 0;
    }
    if (label.level !== 0 && label.level === c.level) score += 2;
    if (label.ordinal !== null && label.ordinal === c.ordinal) score += 2;
    if (used.has(c.id)) score -= 100;
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

interface Bigrams {
  counts: Map<string, number>;
  total: number;
}

/** Bigrams of the strings compared lately: catalogue keys are compared with every label of a table. */
const bigramCache = new Map<string, Bigrams>();
const BIGRAM_CACHE_MAX = 20_000;

function bigrams(s: string): Bigrams {
  if (bigramCache.size >= BIGRAM_CACHE_MAX && !bigramCache.has(s)) bigramCache.clear();
  return kept(bigramCache, s, () => {
    const counts = new Map<string, number>();
    const chars = [...s];
    for (let i = 0; i + 1 < chars.length; i++) {
      const g = `${chars[i]}${chars[i + 1]}`;
      counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    return { counts, total: Math.max(0, chars.length - 1) };
  });
}

/** Dice coefficient over character bigrams. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const A = bigrams(a);
  const B = bigrams(b);
  const total = A.total + B.total;
  if (total === 0) return 0;
  let inter = 0;
  for (const [g, n] of A.counts) inter += Math.min(n, B.counts.get(g) ?? 0);
  return (2 * inter) / total;
}

export const FUZZY_THRESHOLD = 0.8;
const FUZZY_MAX_KEY = 200; // longer cells are prose, not labels

/** Entries whose keys are most similar to `key`, when similar enough. */
export function fuzzyCandidates<T extends LabelEntry>(key: string, entries: T[]): { cands: T[]; score: number } {
  if (key.length < 4 || key.length > FUZZY_MAX_KEY) return { cands: [], score: 0 };
  let bestScore = 0;
  let cands: T[] = [];
  for (const ind of entries) {
    const s = Math.max(...ind.keys.map((k) => similarity(key, k)));
    if (s > bestScore + 1e-9) {
      bestScore = s;
      cands = [ind];
    } else if (Math.abs(s - bestScore) <= 1e-9) cands.push(ind);
  }
  return bestScore >= FUZZY_THRESHOLD ? { cands, score: bestScore } : { cands: [], score: bestScore };
}

/** Match every labelled row below the header to an indicator (or to nothing). */
export function matchRows(lg: LabelledGrid, rec: ListRecognition, columnCodes: ReadonlySet<string>): MatchedRow[] {
  const { table, columns } = rec;
  const start = columns.headerRow === null ? 0 : columns.headerRow + 1;
  const out: MatchedRow[] = [];
  const used = new Map<string, number>();
  let previous: IndicatorEntry | null = null;
  for (const row of lg.rows.slice(start)) {
    const labelCol = rowLabelCol(row, columns);
    if (labelCol === null) continue;
    const label = row.labels[labelCol];
    if (!label) continue;
    // The column-code row of a statistics system (甲 | 乙 | 丙 | 1 | 2) belongs to the header.
    if (columnCodes.has(label.text)) continue;
    let cands = (label.noteKey !== label.key ? table.index.get(label.noteKey) : undefined) ?? table.index.get(label.key) ?? [];
    let fuzzy: number | null = null;
    if (cands.length === 0) {
      const f = fuzzyCandidates(label.key, table.indicators);
      cands = f.cands;
      if (cands.length > 0) fuzzy = f.score;
    }
    const indicator: IndicatorEntry | null = cands.length === 0 ? null : choose(cands, label, previous, used);
    const duplicateOf = indicator ? (used.get(indicator.id) ?? null) : null;
    if (indicator && duplicateOf === null) used.set(indicator.id, row.index);
    if (indicator) previous = indicator;
    out.push({ row: row.index, labelCol, label, indicator, fuzzy, duplicateOf });
  }
  return out;
}
