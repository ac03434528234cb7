// What the PDF adapter hands the table finder: per page, the text items and
// the ruling lines, in PDF units (points, origin bottom-left, y up).

export interface PdfText {
  str: string;
  /** 1-based page. */
  page: number;
  /** Baseline origin. */
  x: number;
  y: number;
  /** Advance along the text direction (horizontal: width; vertical fonts: height). */
  w: number;
  h: number;
  size: number;
  /** Set in a vertical (Identity-V) font: glyphs run downwards from (x, y). */
  vertical: boolean;
}

/** An axis-aligned ruling line: horizontal (y0 = y1) or vertical (x0 = x1), with x0 ≤ x1 and y0 ≤ y1. */
export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  texts: PdfText[];
  segments: Segment[];
  /** Share of the page's area painted by images (a scanned page is ~1). */
  imageCover: number;
}

/** A box in PDF units: [x0, y0, x1, y1], y up. */
export type Box = [number, number, number, number];

/** The centre of a text item. */
export function textCentre(t: PdfText): { x: number; y: number } {
  return t.vertical ? { x: t.x + t.size / 2, y: t.y - t.h / 2 } : { x: t.x + t.w / 2, y: t.y + t.size * 0.35 };
}
