// A pool of worker threads that parses files in parallel and hands the
// results back in input order, with a bounded number of results held at
// once (memory stays flat however many files there are). A file that takes
// longer than the time limit has its worker ended and is reported.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseOptions } from '../options.js';
import { type FileError, flag, wholeNumber, type Context } from './context.js';
import type { ReportResult } from '../output/schema.js';

export interface Job {
  index: number;
  path: string;
  options: Pick<ParseOptions, 'encoding'>;
}

export type JobError = FileError;

/** A parsed file comes back as its document's JSON text (see worker.ts) and its number of tables. */
export type JobResult = { index: number; json: string; tables: number } | { index: number; error: JobError };

/** The document of a parsed file. */
export function documentOf(r: { json: string }): ReportResult {
  return JSON.parse(r.json) as ReportResult;
}

export interface PoolOptions {
  /** Worker threads (default: the cores available). */
  threads?: number;
  /** Per-file time limit in milliseconds. */
  timeoutMs: number;
  /** Heap limit of each worker in MB: a file that needs more is reported with `limit-memory`. */
  maxMemoryMb?: number;
  encoding?: string;
}

const WORKER = new URL('./worker.js', import.meta.url);
const DEFAULT_MAX_MEMORY_MB = 512;

/** The pool's options from the command line: --timeout (s), --threads, --max-memory (MB), --encoding. */
export function poolOptions(ctx: Context): PoolOptions {
  const encoding = flag(ctx, 'encoding');
  return {
    timeoutMs: wholeNumber(ctx, 'timeout', 60) * 1000,
    maxMemoryMb: wholeNumber(ctx, 'max-memory', DEFAULT_MAX_MEMORY_MB),
    ...(ctx.args.flags.has('threads') ? { threads: wholeNumber(ctx, 'threads', 1) } : {}),
    ...(encoding ? { encoding } : {}),
  };
}

/** Parse `files` in parallel; yields results in the order of `files`. */
export async function* parseAll(files: string[], options: PoolOptions): AsyncGenerator<JobResult> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), files.length));
  const window = threads * 4; // results that may wait for an earlier, slower file
  const done = new Map<number, JobResult>();
  let next = 0;
  let emitted = 0;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  const jobOptions = options.encoding ? { encoding: options.encoding } : {};

  const start = (): void => {
    const worker = new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: options.maxMemoryMb ?? DEFAULT_MAX_MEMORY_MB } });
    worker.unref();
    let current: number | null = null;
    let timer: NodeJS.Timeout | null = null;
    let dead = false;
    const finish = (result: JobResult): void => {
      if (timer) clearTimeout(timer);
      current = null;
      done.set(result.index, result);
      notify();
      if (!dead) feed();
    };
    const feed = (): void => {
      if (next >= files.length || next - emitted >= window) {
        if (next >= files.length) void worker.terminate();
        else setTimeout(feed, 5); // wait for the consumer to catch up
        return;
      }
      const index = next++;
      current = index;
      timer = setTimeout(() => {
        // Too slow: end this worker, report the file, carry on with a fresh one.
        dead = true;
        void worker.terminate();
        finish({ index, error: { code: 'limit-time', params: { ms: options.timeoutMs } } });
        start();
      }, options.timeoutMs);
      worker.postMessage({ index, path: files[index] as string, options: jobOptions } satisfies Job);
    };
    worker.on('message', (r: JobResult) => finish(r));
    worker.on('error', (e) => {
      if (current === null) return;
      const index = current;
      dead = true;
      const memory = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY';
      finish({
        index,
        error: memory ? { code: 'limit-memory', params: {} } : { code: 'internal-error', params: { reason: e.message }, stack: e.stack ?? '' },
      });
      start();
    });
    feed();
  };

  for (let i = 0; i < threads; i++) start();
  while (emitted < files.length) {
    const r = done.get(emitted);
    if (!r) {
      await new Promise<void>((res) => (wake = res));
      continue;
    }
    done.delete(emitted++);
    yield r;
  }
}
