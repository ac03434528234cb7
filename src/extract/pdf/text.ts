// Text items → lines and cell text. Two numbers are never joined into one:
// items whose glyphs do not touch are separated by a space, and so are the
// lines of a cell where a digit would meet a digit.

import { type PdfText, textCentre } from './types.js';

export interface TextLine {
  items: PdfText[];
  /** Baseline (the first item's). */
  y: number;
  x0: number;
  x1: number;
  size: number;
}

const DIGIT = /[0-9０-９]/;
/** Closer than this (× font size), two items are one word. */
const TOUCH = 0.15;

/** Items into lines: sorted top to bottom, then left to right; one line per baseline. */
export function textLines(items: PdfText[]): TextLine[] {
  const sorted = [...items].sort((a, b) => textCentre(b).y - textCentre(a).y || a.x - b.x);
  const lines: TextLine[] = [];
  for (const t of sorted) {
    const c = textCentre(t);
    const line = lines.find((l) => Math.abs(textCentre(l.items[0] as PdfText).y - c.y) <= Math.max(l.size, t.size) * 0.4 && !t.vertical && !(l.items[0] as PdfText).vertical);
    if (line) {
      line.items.push(t);
      line.x0 = Math.min(line.x0, t.x);
      line.x1 = Math.max(line.x1, t.x + t.w);
      line.size = Math.max(line.size, t.size);
    } else lines.push({ items: [t], y: t.y, x0: t.x, x1: t.x + (t.vertical ? t.size : t.w), size: t.size });
  }
  for (const l of lines) l.items.sort((a, b) => a.x - b.x);
  return lines;
}

/** One line's text: items that touch are joined, others separated by a space. */
export function lineText(line: TextLine): string {
  let out = '';
  let end: number | null = null;
  for (const t of line.items) {
    const gap = end === null ? 0 : t.x - end;
    if (end !== null && gap > TOUCH * t.size && out !== '' && !out.endsWith(' ')) out += ' ';
    out += t.str;
    end = t.x + t.w;
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The text of a cell from its lines: wrapped lines are joined, but a digit never meets a digit. */
export function cellText(lines: string[]): string {
  let out = '';
  for (const l of lines) {
    if (l === '') continue;
    if (out !== '' && DIGIT.test(out.at(-1) as string) && DIGIT.test(l[0] as string)) out += ' ';
    else if (out !== '' && /[A-Za-z]$/.test(out) && /^[A-Za-z]/.test(l)) out += ' ';
    out += l;
  }
  return out;
}

/** Page furniture: a page number line (`- 3 -`, `第3页`, `3/5`). */
export function isPageNumber(text: string): boolean {
  return /^[-—–－·\s]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]{1,4}\s*页?)?[-—–－·\s]*$/.test(text.trim());
}
