import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Progress } from '../src/cli/progress.js';

function stream(isTTY: boolean) {
  let text = '';
  return { isTTY, columns: 100, write: (s: string) => ((text += s), true), text: () => text };
}

test('a terminal gets a bar redrawn in place with rate, ETA and failures', () => {
  const out = stream(true);
  let now = 0;
  const p = new Progress(out, 4, 'convert', () => now);
  for (const failed of [false, true, false, false]) {
    now += 500;
    p.tick(failed);
  }
  const frames = out.text().split('\r').filter(Boolean);
  assert.ok(frames.length >= 4);
  assert.match(frames[0] ?? '', /^convert \[#+\.+\] 1\/4 files \(25%\) · 2\.0 files\/s · ETA 0:02 · 0 failed$/);
  assert.match(frames.at(-1) ?? '', /\[#+\] 4\/4 files \(100%\) · 2\.0 files\/s · ETA 0:00 · 1 failed\n$/);
});

test('a pipe or a log gets a plain line every 5 s and one at the end', () => {
  const out = stream(false);
  let now = 0;
  const p = new Progress(out, 10, 'convert', () => now);
  for (let i = 0; i < 10; i++) {
    now += 1000;
    p.tick(false);
  }
  const lines = out.text().trim().split('\n');
  assert.equal(lines.length, 2, 'at 5 s and at the end');
  assert.ok(lines.every((l) => l.startsWith('convert: ') && !l.includes('\r')));
  assert.match(lines.at(-1) ?? '', /10\/10 files \(100%\)/);
});

test.run();
