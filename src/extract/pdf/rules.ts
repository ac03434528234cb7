// A page's operator list → its ruling lines and how much of it images cover.
// The transform matrix is tracked through save/restore, transform and form
// XObjects. Stroked paths are rules; a filled path is a rule only when it is
// thin (a hairline drawn as a filled box); clip paths, filled boxes thicker
// than a rule (shaded section rows, white paragraph backgrounds) and white
// paint are not. Collinear pieces are merged.

import type { Segment } from './types.js';

type Matrix = [number, number, number, number, number, number];

/** The operator numbers this module reads (pdf.js `OPS`). */
export interface Ops {
  save: number;
  restore: number;
  transform: number;
  paintFormXObjectBegin: number;
  paintFormXObjectEnd: number;
  setLineWidth: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  paintImageXObject: number;
  paintInlineImageXObject: number;
  paintImageMaskXObject: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
/** Thicker than this, a filled box is a shaded area, not a rule (points). */
const MAX_RULE_WIDTH = 2;
/** Lines within this distance are one line; gaps up to it are closed (points). */
const SNAP = 1.5;

const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[2] * b[1],
  a[1] * b[0] + a[3] * b[1],
  a[0] * b[2] + a[2] * b[3],
  a[1] * b[2] + a[3] * b[3],
  a[0] * b[4] + a[2] * b[5] + a[4],
  a[1] * b[4] + a[3] * b[5] + a[5],
];

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

/** Points of each subpath of a pdf.js path (moveTo 0, lineTo 1, curveTo 2, quadraticCurveTo 3, closePath 4). */
function subpaths(path: ArrayLike<number>, m: Matrix): { points: [number, number][]; closed: boolean; curved: boolean }[] {
  const out: { points: [number, number][]; closed: boolean; curved: boolean }[] = [];
  let current: { points: [number, number][]; closed: boolean; curved: boolean } | null = null;
  for (let k = 0; k < path.length; ) {
    const op = path[k++] as number;
    if (op === 4) {
      if (current) current.closed = true;
      continue;
    }
    const n = op === 2 ? 3 : op === 3 ? 2 : 1;
    const pts: [number, number][] = [];
    for (let j = 0; j < n; j++) pts.push(apply(m, path[k++] as number, path[k++] as number));
    if (op === 0 || !current) {
      current = { points: [], closed: false, curved: false };
      out.push(current);
    }
    if (op >= 2) current.curved = true;
    current.points.push(pts[pts.length - 1] as [number, number]);
  }
  return out;
}

function isWhite(color: unknown): boolean {
  return typeof color === 'string' && /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/i.test(color);
}

function axisSegment(a: [number, number], b: [number, number]): Segment | null {
  const [x0, y0] = a;
  const [x1, y1] = b;
  if (Math.abs(y0 - y1) <= 0.5 && Math.abs(x0 - x1) > 0.5) return { x0: Math.min(x0, x1), x1: Math.max(x0, x1), y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (Math.abs(x0 - x1) <= 0.5 && Math.abs(y0 - y1) > 0.5) return { y0: Math.min(y0, y1), y1: Math.max(y0, y1), x0: (x0 + x1) / 2, x1: (x0 + x1) / 2 };
  return null;
}

/** A filled axis-aligned box thin enough to be a rule → that rule (its centre line). */
function thinBox(points: [number, number][]): Segment | null {
  if (points.length < 4 || points.length > 5) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Only rectangles: every point on the box's outline corners.
  if (!points.every(([x, y]) => (Math.abs(x - x0) < 0.5 || Math.abs(x - x1) < 0.5) && (Math.abs(y - y0) < 0.5 || Math.abs(y - y1) < 0.5))) return null;
  if (y1 - y0 <= MAX_RULE_WIDTH && x1 - x0 > MAX_RULE_WIDTH) return { x0, x1, y0: (y0 + y1) / 2, y1: (y0 + y1) / 2 };
  if (x1 - x0 <= MAX_RULE_WIDTH && y1 - y0 > MAX_RULE_WIDTH) return { y0, y1, x0: (x0 + x1) / 2, x1: (x0 + x1) / 2 };
  return null;
}

/** Merge collinear, overlapping or nearly touching segments. */
function mergeSegments(segments: Segment[]): Segment[] {
  const horizontal = segments.filter((s) => s.y0 === s.y1).sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
  const vertical = segments.filter((s) => s.x0 === s.x1).sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0);
  const merge = (list: Segment[], across: 'y0' | 'x0', from: 'x0' | 'y0', to: 'x1' | 'y1'): Segment[] => {
    const out: Segment[] = [];
    // Group lines within SNAP of each other, then join their extents.
    const groups: Segment[][] = [];
    for (const s of list) {
      const g = groups[groups.length - 1];
      if (g && Math.abs((g[0] as Segment)[across] - s[across]) <= SNAP) g.push(s);
      else groups.push([s]);
    }
    for (const g of groups) {
      const at = g.reduce((sum, s) => sum + s[across], 0) / g.length;
      const sorted = [...g].sort((a, b) => a[from] - b[from]);
      const start = out.length;
      let cur: Segment | null = null;
      for (const s of sorted) {
        if (cur && s[from] <= cur[to] + SNAP) cur[to] = Math.max(cur[to], s[to]);
        else {
          cur = { ...s };
          out.push(cur);
        }
      }
      for (const s of out.slice(start)) {
        if (across === 'y0') s.y0 = s.y1 = at;
        else s.x0 = s.x1 = at;
      }
    }
    return out;
  };
  return [...merge(horizontal, 'y0', 'x0', 'x1'), ...merge(vertical, 'x0', 'y0', 'y1')];
}

export interface PageGraphics {
  segments: Segment[];
  /** Area painted by images, in square points. */
  imageArea: number;
}

/** Read the rules and image area of one page from its operator list. */
export function pageGraphics(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: Ops): PageGraphics {
  const segments: Segment[] = [];
  let imageArea = 0;
  let ctm: Matrix = IDENTITY;
  let fill: unknown = '#000000';
  let strokeColor: unknown = '#000000';
  const stack: { ctm: Matrix; fill: unknown; strokeColor: unknown }[] = [];
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const images = new Set([ops.paintImageXObject, ops.paintInlineImageXObject, ops.paintImageMaskXObject]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i] as number;
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push({ ctm, fill, strokeColor });
    else if (fn === ops.restore) ({ ctm, fill, strokeColor } = stack.pop() ?? { ctm, fill, strokeColor });
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as Matrix);
    else if (fn === ops.paintFormXObjectBegin) {
      stack.push({ ctm, fill, strokeColor });
      const m = args?.[0] as Matrix | null | undefined;
      if (m && m.length === 6) ctm = multiply(ctm, m);
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, fill, strokeColor } = stack.pop() ?? { ctm, fill, strokeColor });
    else if (fn === ops.setFillRGBColor) fill = args?.[0];
    else if (fn === ops.setStrokeRGBColor) strokeColor = args?.[0];
    else if (images.has(fn)) {
      // An image fills the unit square under the current transform.
      const [a, b] = [apply(ctm, 0, 0), apply(ctm, 1, 1)];
      imageArea += Math.abs((b[0] - a[0]) * (b[1] - a[1]));
    } else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (!data) continue;
      const stroked = strokes.has(paint) && !isWhite(strokeColor);
      const filled = fills.has(paint) && !isWhite(fill);
      if (!stroked && !filled) continue;
      for (const sub of subpaths(data, ctm)) {
        if (sub.curved) continue;
        if (stroked) {
          const pts = sub.closed ? [...sub.points, sub.points[0] as [number, number]] : sub.points;
          for (let k = 1; k < pts.length; k++) {
            const s = axisSegment(pts[k - 1] as [number, number], pts[k] as [number, number]);
            if (s) segments.push(s);
          }
        } else {
          const s = thinBox(sub.points);
          if (s) segments.push(s);
        }
      }
    }
  }
  return { segments: mergeSegments(segments), imageArea };
}
