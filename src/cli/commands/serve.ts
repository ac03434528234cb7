// `zfxxgk serve [--port N]`: the page of dist/web on 127.0.0.1, for those who
// prefer a local address to opening the file. Serves those files only.

import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { EXIT, wholeNumber, type Context } from '../context.js';
import { packageFile } from '../paths.js';

const ROOT = packageFile('dist', 'web') + sep;
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };

export async function serveCommand(ctx: Context): Promise<number> {
  const port = wholeNumber(ctx, 'port', 8080, 0);
  try {
    await readFile(join(ROOT, 'index.html'));
  } catch {
    ctx.io.stderr.write('zfxxgk: serve: the page is not built; run "npm run build:web" first\n');
    return EXIT.unreadable;
  }
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(ROOT, path === '/' ? 'index.html' : path);
    if (!file.startsWith(ROOT) || req.method !== 'GET') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  ctx.io.stderr.write(`zfxxgk: serving the page at http://127.0.0.1:${bound}/ (Ctrl-C to stop)\n`);
  await new Promise(() => undefined); // until the process is interrupted
  return EXIT.ok;
}
