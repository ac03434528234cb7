// The parts of an opened ZIP workbook (SheetJS's CFB container), for the
// screens that mend or refuse what SheetJS would mishandle before it parses.

import { library } from '../core/libraries.js';

export interface ZipEntry {
  content: Uint8Array;
}

export interface ZipContainer {
  FullPaths: string[];
}

/** Open a ZIP's directory and inflate its entries (through the capped zlib when one was given). */
export function openZip(bytes: Uint8Array): ZipContainer {
  return library('xlsx').CFB.read(bytes, { type: 'buffer' }) as ZipContainer;
}

/** The entry at a path from the container's root (a bare name would match that name in any folder). */
export function entryOf(zip: ZipContainer, path: string): ZipEntry | null {
  return (library('xlsx').CFB.find(zip, `/${path}`) as ZipEntry | null) ?? null;
}

export function textOf(entry: ZipEntry): string {
  return new TextDecoder('utf-8').decode(entry.content);
}

/** Paths of the container's parts, relative to its root ("xl/worksheets/sheet1.xml"). */
export function partPaths(zip: ZipContainer): string[] {
  return zip.FullPaths.map((p) => p.replace(/^[^/]*\//, '')).filter((p) => p !== '' && !p.endsWith('/'));
}
