// File-system helpers of the command line: reading inputs (regular files and
// standard input only, bounded by size), finding the files in folders, and
// writing outputs atomically (a temporary sibling, then a rename) so that an
// interrupted run never leaves half a file.

import { constants, createReadStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { ParseError } from '../core/diagnostics.js';
import { formatMessage, type Params } from '../core/messages.js';
import { UsageError } from './context.js';

/** Extensions `convert` and `aggregate` read in folders. */
const INPUT_EXTENSIONS = new Set(['.txt', '.md', '.htm', '.html', '.shtml', '.xhtml', '.xlsx', '.xlsm', '.xls', '.et', '.ods', '.csv', '.docx', '.pdf']);

export interface Listed {
  files: string[];
  missing: string[];
  /** Files in folders of kinds not read, by extension ('' for none). */
  skipped: Map<string, string[]>;
}

/**
 * The path to open for a name given on the command line. Node decodes argv as UTF-8, so a file name
 * in another encoding (GBK names from Windows archives) arrives with U+FFFD for its bytes and cannot
 * be opened as given: each such component is looked up among its folder's raw names, and the one
 * that decodes to it is used. Several that do is an ambiguity left to ENOENT.
 */
async function openablePath(path: string): Promise<string | Buffer> {
  if (!path.includes('\uFFFD')) return path;
  // An absolute path's first part is '': joined again, the parts give back its leading separator.
  const joined = (names: Buffer[]): Buffer => Buffer.concat(names.flatMap((n, i) => (i === 0 ? [n] : [Buffer.from(sep), n])));
  const names: Buffer[] = [];
  for (const part of path.split(sep)) {
    let name: Buffer = Buffer.from(part);
    if (part.includes('\uFFFD')) {
      const folder = names.length === 0 ? Buffer.from('.') : names.length === 1 && names[0]?.length === 0 ? Buffer.from(sep) : joined(names);
      const found = (await readdir(folder, { encoding: 'buffer' }).catch(() => [] as Buffer[])).filter((n) => n.toString('utf8') === part);
      if (found.length !== 1) return path;
      name = found[0] as Buffer;
    }
    names.push(name);
  }
  return joined(names);
}

/** Every input file named (recursively) in the named folders, in a stable order. */
export async function listInputs(paths: string[]): Promise<Listed> {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped = new Map<string, string[]>();
  const walk = async (dir: string): Promise<void> => {
    const entries = (await readdir(await openablePath(dir), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(dir, e.name);
      const ext = extname(e.name).toLowerCase();
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && INPUT_EXTENSIONS.has(ext)) files.push(p);
      else skipped.set(ext, [...(skipped.get(ext) ?? []), p]);
    }
  };
  for (const p of paths) {
    try {
      const s = await stat(await openablePath(p));
      if (s.isDirectory()) await walk(p);
      else files.push(p);
    } catch {
      missing.push(p);
    }
  }
  return { files, missing, skipped };
}

/** Groups of files whose bytes are the same (sizes compared first, then SHA-256 digests). */
export async function identicalFiles(files: string[]): Promise<string[][]> {
  const bySize = new Map<number, string[]>();
  for (const f of files) {
    const size = await stat(await openablePath(f)).then(
      (s) => (s.isFile() ? s.size : -1),
      () => -1,
    );
    if (size >= 0) bySize.set(size, [...(bySize.get(size) ?? []), f]);
  }
  const groups: string[][] = [];
  for (const same of bySize.values()) {
    if (same.length < 2) continue;
    const byDigest = new Map<string, string[]>();
    // Loaded here: only aggregate asks, and only for files of one size.
    const { createHash } = await import('node:crypto');
    for (const f of same) {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(await openablePath(f))) hash.update(chunk as Buffer);
      const d = hash.digest('hex');
      byDigest.set(d, [...(byDigest.get(d) ?? []), f]);
    }
    groups.push(...[...byDigest.values()].filter((g) => g.length > 1));
  }
  return groups;
}

/**
 * A file's bytes, refusing what is not a regular file (a FIFO or a device
 * may never end) and what is over `maxBytes`, before reading it.
 */
export async function readInputFile(path: string, maxBytes: number): Promise<Uint8Array> {
  let fh: FileHandle;
  try {
    // O_NONBLOCK: opening a FIFO with no writer must not block before we can refuse it.
    fh = await open(await openablePath(path), constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    throw new ParseError('file-not-found', { reason: (e as NodeJS.ErrnoException).code ?? 'unreadable' }, { file: path });
  }
  try {
    const s = await fh.stat();
    if (s.isDirectory()) throw new ParseError('file-not-found', { reason: 'EISDIR' }, { file: path });
    if (!s.isFile()) throw new ParseError('input-not-file', {}, { file: path });
    if (s.size > maxBytes) throw new ParseError('input-too-large', { what: 'file', size: s.size, limit: maxBytes }, { file: path });
    // A file that grows while it is read is still cut at the limit.
    const buf = new Uint8Array(Math.min(s.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, n, buf.length - n, n);
      if (bytesRead === 0 || n + bytesRead >= buf.length) {
        n += bytesRead;
        break;
      }
      n += bytesRead;
    }
    if (n > maxBytes) throw new ParseError('input-too-large', { what: 'grew', limit: maxBytes }, { file: path });
    return buf.subarray(0, n);
  } finally {
    await fh.close();
  }
}

/** Standard input's bytes, up to `maxBytes`. */
export async function readStream(stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>, maxBytes: number, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
    size += bytes.byteLength;
    if (size > maxBytes) throw new ParseError('input-too-large', { what: 'stdin', limit: maxBytes }, { file: name });
    chunks.push(bytes);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

/** The path a file resolves to (through links), or its absolute path when it does not exist yet. */
async function identity(path: string): Promise<string> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return resolve(path);
  }
}

/** Refuse, before anything is read, an output that is one of the inputs (also through a link). */
export async function refuseOverwrite(out: string | undefined, inputs: string[]): Promise<void> {
  if (out === undefined) return;
  const target = await identity(out);
  for (const input of inputs) {
    if (input === '-') continue;
    if ((await identity(input)) === target) throw new UsageError(`--out ${out} is one of the inputs (${input}); it would be overwritten`);
  }
}

/** The output cannot be written: a coded error, not an internal one. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
  readonly code = 'output-unwritable';
  readonly params: Params;
  constructor(
    readonly path: string,
    cause: NodeJS.ErrnoException,
    params: Params = { reason: cause.code ?? cause.message },
  ) {
    super(formatMessage('output-unwritable', params), { cause });
    this.params = params;
  }
}

/** Files being written right now, so that an interrupted run can remove their temporaries. */
const writing = new Set<AtomicFile>();

/** Remove every temporary file still being written (called on SIGINT/SIGTERM by the entry point). */
export async function abortAll(): Promise<void> {
  await Promise.all([...writing].map((f) => f.abort()));
}

const TEMP = /^\.(.+)\.zfxxgk-(\d+)-\d+\.tmp$/;

/** Temporaries left by a run that was killed (kill -9 gives no chance to clean up): removed when their process is gone. */
async function removeStale(dir: string, base: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || m[1] !== base) continue;
    let alive = true;
    try {
      process.kill(Number(m[2]), 0);
    } catch (e) {
      alive = (e as NodeJS.ErrnoException).code === 'EPERM';
    }
    if (!alive) await rm(join(dir, name), { force: true });
  }
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
    try {
      if ((await stat(target).catch(() => null))?.isDirectory()) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      await mkdir(dirname(target), { recursive: true });
      await removeStale(dirname(target), basename(target));
      const tmp = join(dirname(target), `.${basename(target)}.zfxxgk-${process.pid}-${Date.now()}.tmp`);
      const f = new AtomicFile(target, tmp, await open(tmp, 'wx'));
      writing.add(f);
      return f;
    } catch (e) {
      throw new OutputError(path, e as NodeJS.ErrnoException);
    }
  }

  /** The temporary file, for a writer that writes it itself (SQLite): close ours first with closeForReplace. */
  get temporaryPath(): string {
    return this.tmp;
  }

  /** Close our handle on the (empty) temporary file, keeping it for another writer; commit still renames it. */
  async closeForReplace(): Promise<void> {
    await this.fh.close();
    this.closed = true;
  }

  private closed = false;

  async write(chunk: string | Uint8Array): Promise<void> {
    try {
      if (typeof chunk === 'string') await this.fh.write(chunk);
      else await this.fh.write(chunk);
    } catch (e) {
      throw new OutputError(this.path, e as NodeJS.ErrnoException);
    }
  }

  async commit(): Promise<void> {
    try {
      if (!this.closed) await this.fh.close();
      await rename(this.tmp, this.path);
      writing.delete(this);
    } catch (e) {
      await this.abort();
      throw new OutputError(this.path, e as NodeJS.ErrnoException);
    }
  }

  /** Remove the temporary file (after an error or an interruption). */
  async abort(): Promise<void> {
    writing.delete(this);
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
