// Progress of a long run on standard error: a bar redrawn in place when it is
// a terminal (files done / total, rate, ETA, failures), a plain line every
// few seconds otherwise, so that logs stay readable.

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

export class Progress {
  private done = 0;
  private failed = 0;
  private readonly started: number;
  private lastDraw: number;

  constructor(
    private readonly out: ProgressStream,
    private readonly total: number,
    private readonly label: string,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
    this.lastDraw = this.started;
  }

  tick(failed: boolean): void {
    this.done++;
    if (failed) this.failed++;
    const t = this.now();
    const interval = this.out.isTTY ? 100 : 5000;
    if (t - this.lastDraw >= interval || this.done === this.total || (this.out.isTTY && this.done === 1)) {
      this.lastDraw = t;
      this.draw(t);
    }
  }

  line(t = this.now()): string {
    const secs = Math.max(0.001, (t - this.started) / 1000);
    const rate = this.done / secs;
    const eta = rate > 0 ? (this.total - this.done) / rate : Infinity;
    const pct = this.total === 0 ? 100 : Math.floor((100 * this.done) / this.total);
    return `${this.done}/${this.total} files (${pct}%) · ${rate.toFixed(1)} files/s · ETA ${clock(eta)} · ${this.failed} failed`;
  }

  private draw(t: number): void {
    const text = this.line(t);
    if (!this.out.isTTY) {
      this.out.write(`${this.label}: ${text}\n`);
      return;
    }
    const width = Math.max(10, Math.min(40, (this.out.columns ?? 80) - text.length - this.label.length - 6));
    const fill = this.total === 0 ? width : Math.round((width * this.done) / this.total);
    this.out.write(`\r${this.label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${text}`);
    if (this.done === this.total) this.out.write('\n');
  }
}
