// The third-party readers and writers, loaded only for the inputs and outputs
// that need them: each costs tens of milliseconds to load, and a command that
// parses one text file needs none. The synchronous library API (index.ts)
// hands them all in when it is imported; the command line and the page load
// each one the first time an input asks for it (loadLibraries).

import type * as Parse5 from 'parse5';
import type * as Xlsx from 'xlsx';

/** What is used of papaparse (its own types are a dev dependency: the declarations the package ships must not name them). */
export interface Papa {
  parse<T>(text: string, config: { skipEmptyLines: boolean; delimiter: string }): { data: T[] };
  unparse(data: unknown, config: { newline: string }): string;
}

/** What is used of OpenCC. */
export interface OpenCC {
  Converter(options: { from: 't'; to: 'cn' }): (text: string) => string;
}

export interface Libraries {
  parse5: typeof Parse5;
  xlsx: typeof Xlsx;
  papaparse: Papa;
  /** OpenCC's traditional → simplified build only (its own declarations do not resolve under NodeNext). */
  opencc: OpenCC;
}

export type LibraryName = keyof Libraries;

const LOADERS: { [K in LibraryName]: () => Promise<Libraries[K]> } = {
  parse5: () => import('parse5'),
  xlsx: () => import('xlsx'),
  papaparse: async () => (await import('papaparse')).default as Papa,
  opencc: async () => (await import('opencc-js/t2cn')) as OpenCC,
};

const loaded: Partial<Libraries> = {};
const waiting: { [K in LibraryName]?: ((lib: Libraries[K]) => void)[] } = {};

function set<K extends LibraryName>(name: K, lib: Libraries[K]): void {
  if (loaded[name]) return;
  loaded[name] = lib;
  for (const f of waiting[name] ?? []) f(lib);
  delete waiting[name];
}

/** Hand in libraries already loaded (the package's entry point does, for the synchronous parseReport). */
export function provideLibraries(libs: Partial<Libraries>): void {
  for (const name of Object.keys(libs) as LibraryName[]) set(name, libs[name] as never);
}

/** Load the named libraries not yet loaded. */
export async function loadLibraries(names: Iterable<LibraryName>): Promise<void> {
  for (const name of names) if (!loaded[name]) set(name, (await LOADERS[name]()) as never);
}

/** Every library, for the commands that may write any output. */
export const ALL_LIBRARIES = Object.keys(LOADERS) as LibraryName[];

/** Run `f` with a library once it is loaded (at once if it is): settings it must carry, such as SheetJS's zlib. */
export function whenLoaded<K extends LibraryName>(name: K, f: (lib: Libraries[K]) => void): void {
  const lib = loaded[name];
  if (lib) f(lib);
  else (waiting[name] ??= []).push(f as never);
}

/** A loaded library. Asking for one not loaded is a bug of the caller (it skipped loadLibraries). */
export function library<K extends LibraryName>(name: K): Libraries[K] {
  const lib = loaded[name];
  if (!lib) throw new Error(`zfxxgk: ${name} is used before it was loaded (loadLibraries)`);
  return lib;
}
