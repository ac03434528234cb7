// What the grid readers are told of the catalogue: they stay free of it, but
// a number's units and a table's header words are data (templates/).

/** Header words of the forms, by which a PDF table without rules shows its columns. */
export interface StreamWords {
  /** Label keys of matrix columns (normalizeLabel(...).key). */
  columns: ReadonlySet<string>;
  /** Words of a list table's label column (统计指标, 项目 …) and of its other columns (单位, 备注 …), normalised text. */
  listLabel: ReadonlySet<string>;
  listOther: ReadonlySet<string>;
  /** Of those, the columns that hold no values (备注, 序号 …). */
  listSkip: ReadonlySet<string>;
}

export interface ReaderWords {
  /** Units a number may carry (templates/units.json). */
  units: readonly string[];
  /** Words of list table headers, value columns included (指标名称, 计量单位, 年度, 历年累计 …), normalised text. */
  listHeads: readonly string[];
  pdf: StreamWords;
}

const tokens = new Map<readonly string[], RegExp>();

/** A cell that is a number (with a unit of `units`, or none) or a placeholder dash: one regex per unit list. */
export function numberToken(units: readonly string[]): RegExp {
  let re = tokens.get(units);
  if (!re) {
    const alternatives = [...units].sort((a, b) => b.length - a.length).map((u) => u.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    re = new RegExp(`^(?:[-+]?\\d[\\d,]*(?:\\.\\d+)?(?:${alternatives.join('|')})?|[/—_-])$`);
    tokens.set(units, re);
  }
  return re;
}
