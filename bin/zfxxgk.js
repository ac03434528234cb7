#!/usr/bin/env node
// The entry point: the only place that touches the process.
import { main, abortAll } from '../dist/src/cli/main.js';

// SheetJS probes Node's zlib through a deprecated property; the warning says nothing to a user.
process.noDeprecation = true;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    // An interrupted run leaves no half-written output behind.
    void abortAll().finally(() => process.exit(130));
  });
}
main(process.argv.slice(2), process).then((code) => {
  process.exitCode = code;
});
