#!/usr/bin/env node
// The entry point: the only place that touches the process.
import { abortAll, main } from '../dist/cli/main.js';

// SheetJS probes Node's zlib through a deprecated property; the warning says nothing to a user.
process.noDeprecation = true;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    // An interrupted run leaves no half-written output behind.
    void abortAll().finally(() => process.exit(130));
  });
}
// A reader that closed the pipe (`zfxxgk codes | head -1`) has all it wanted: end quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') void abortAll().finally(() => process.exit(0));
    else throw e;
  });
}
main(process.argv.slice(2), process).then((code) => {
  process.exitCode = code;
});
