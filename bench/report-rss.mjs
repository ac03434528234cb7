// Loaded with --import by the bench: writes the process's peak resident set
// (all threads, KB) to $ZFXXGK_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.ZFXXGK_RSS_FILE) writeFileSync(process.env.ZFXXGK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
