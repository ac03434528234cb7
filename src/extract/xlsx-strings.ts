// Shared-string references that point nowhere (an index past the table, -1,
// `__proto__`) make SheetJS drop the whole sheet without a word. They are
// found here first: each such cell is emptied in the sheet's XML and named,
// so the rest of the sheet is read and the damage is reported by cell.

import { entryOf, partPaths, textOf, type ZipContainer } from './zip-parts.js';

export interface BadStrings {
  sheet: string;
  refs: string[];
  values: string[];
}

/** Sheet names by part path, from the workbook and its relations. */
function sheetNames(zip: ZipContainer): Map<string, string> {
  const names = new Map<string, string>();
  const book = entryOf(zip, 'xl/workbook.xml');
  const rels = entryOf(zip, 'xl/_rels/workbook.xml.rels');
  if (!book || !rels) return names;
  const targets = new Map<string, string>();
  for (const m of textOf(rels).matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  for (const m of textOf(book).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name !== undefined && part) names.set(part, name);
  }
  return names;
}

const CELL = /<((?:\w+:)?c)\b([^>]*?\bt="s"[^>]*)>\s*<((?:\w+:)?v)>([^<]*)<\/\3>\s*<\/\1>/g;

/** Empty, in the opened .xlsx, every cell whose shared-string index points nowhere; those cells, by sheet. */
export function screenSharedStrings(zip: ZipContainer): BadStrings[] {
  const table = entryOf(zip, 'xl/sharedStrings.xml');
  const count = table ? [...textOf(table).matchAll(/<(?:\w+:)?si[\s>/]/g)].length : 0;
  const names = sheetNames(zip);
  const bad: BadStrings[] = [];
  for (const part of partPaths(zip).filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))) {
    const entry = entryOf(zip, part);
    if (!entry) continue;
    const xml = textOf(entry);
    const found: BadStrings = { sheet: names.get(part) ?? part, refs: [], values: [] };
    const mended = xml.replace(CELL, (cell, tag: string, attrs: string, _v, index: string) => {
      if (/^\d+$/.test(index.trim()) && Number(index) < count) return cell;
      found.refs.push(/\br="([^"]*)"/.exec(attrs)?.[1] ?? '?');
      found.values.push(index);
      return `<${tag}${attrs.replace(/\bt="s"/, '')}/>`;
    });
    if (found.refs.length === 0) continue;
    entry.content = new TextEncoder().encode(mended);
    bad.push(found);
  }
  return bad;
}
