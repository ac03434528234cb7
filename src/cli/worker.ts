// A worker thread of `convert` and `aggregate`: reads and parses one file per
// message, and answers with the document as JSON text (serialised here, so the
// main thread only writes it: with both cores busy parsing, it must stay idle)
// or the error's code and message.

import { parentPort } from 'node:worker_threads';
import { fileErrorOf } from './context.js';
import { DEFAULT_LIMITS } from '../options.js';
import { parseTrustedAsync } from '../pipeline.js';
import { readInputFile } from './io.js';
import type { Job, JobResult } from './pool.js';
import { useNodeRuntime } from './runtime.js';

// A worker is an entry point: native inflate and pdf.js's assets, and SheetJS's zlib probe is not a user's concern.
process.noDeprecation = true;
useNodeRuntime();

parentPort?.on('message', async (job: Job) => {
  let result: JobResult;
  try {
    const bytes = await readInputFile(job.path, DEFAULT_LIMITS.maxBytes);
    const doc = await parseTrustedAsync(bytes, { source: job.path, ...job.options });
    result = { index: job.index, json: JSON.stringify(doc), tables: doc.tables.length };
  } catch (e) {
    result = { index: job.index, error: fileErrorOf(e) };
  }
  parentPort?.postMessage(result);
});
