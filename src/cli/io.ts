// File-system helpers of the command line: reading inputs, finding the files
// in folders, and writing outputs atomically (a temporary sibling, then a
// rename) so that an interrupted run never leaves half a file.

import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** Extensions `convert` and `aggregate` look for in folders. */
export const INPUT_EXTENSIONS = new Set(['.txt', '.md', '.htm', '.html', '.shtml', '.xhtml', '.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv', '.docx']);

/** Every input file named or found (recursively) in the named folders, in a stable order. */
export async function listInputs(paths: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && INPUT_EXTENSIONS.has(extname(e.name).toLowerCase())) files.push(p);
    }
  };
  for (const p of paths) {
    try {
      const s = await stat(p);
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      missing.push(p);
    }
  }
  return { files, missing };
}

/** Files being written right now, so that an interrupted run can remove their temporaries. */
const open_ = new Set<AtomicFile>();

/** Remove every temporary file still being written (called on SIGINT/SIGTERM by the entry point). */
export async function abortAll(): Promise<void> {
  await Promise.all([...open_].map((f) => f.abort()));
}

/** A file being written: chunks go to a temporary sibling, renamed into place by `commit`. */
export class AtomicFile {
  private constructor(
    readonly path: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
  ) {}

  static async create(path: string): Promise<AtomicFile> {
    const target = resolve(path);
    await mkdir(dirname(target), { recursive: true });
    const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
    const f = new AtomicFile(target, tmp, await open(tmp, 'wx'));
    open_.add(f);
    return f;
  }

  async write(chunk: string | Uint8Array): Promise<void> {
    if (typeof chunk === 'string') await this.fh.write(chunk);
    else await this.fh.write(chunk);
  }

  async commit(): Promise<void> {
    await this.fh.close();
    await rename(this.tmp, this.path);
    open_.delete(this);
  }

  /** Remove the temporary file (after an error or an interruption). */
  async abort(): Promise<void> {
    open_.delete(this);
    await this.fh.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
  }
}

export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const f = await AtomicFile.create(path);
  try {
    await f.write(data);
    await f.commit();
  } catch (e) {
    await f.abort();
    throw e;
  }
}
