/**
 * Progress of a delivery run: on a terminal, a bar redrawn in place (sent,
 * failed, rate, ETA); elsewhere (CI, a log file) a line every few seconds.
 * Driven by delivery events and the injected clock, so it needs no timer.
 */
import type { OutputStream } from '../context.js';

/** Counts the progress display needs. */
export interface ProgressCounts {
  sent: number;
  failed: number;
  uncertain: number;
  /** Recipients found already sent by an earlier run. */
  alreadySent: number;
}

/** Options of a progress display. */
export interface ProgressOptions {
  /** Distinct valid recipients expected (from the validation pass). */
  total: number;
  /** What is being sent, e.g. `privacy-policy@2.0`. */
  label: string;
  /** Milliseconds between lines when not on a terminal. Default 5000. */
  lineIntervalMs?: number;
  /** Milliseconds between redraws on a terminal. Default 100. */
  redrawIntervalMs?: number;
}

const number = new Intl.NumberFormat('en-US');

/** Seconds as `12s`, `3m 05s` or `1h 02m`. */
export function renderDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The figures of a progress report: done, rate per second and ETA in seconds (null when unknown). Pure. */
export function computeProgress(counts: ProgressCounts, total: number, elapsedMs: number): { done: number; rate: number; eta: number | null } {
  const attempted = counts.sent + counts.failed + counts.uncertain;
  const done = attempted + counts.alreadySent;
  const rate = elapsedMs > 0 ? (attempted * 1000) / elapsedMs : 0;
  const eta = rate > 0 ? Math.max(0, total - done) / rate : null;
  return { done, rate, eta };
}

/** A progress display on a stream. */
export class DeliveryProgress {
  private readonly stream: OutputStream;
  private readonly now: () => number;
  private readonly options: Required<ProgressOptions>;
  private readonly started: number;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawn = false;

  constructor(stream: OutputStream, now: () => number, options: ProgressOptions) {
    this.stream = stream;
    this.now = now;
    this.options = { lineIntervalMs: 5000, redrawIntervalMs: 100, ...options };
    this.started = now();
    if (!stream.isTTY) this.lastDraw = this.started;
  }

  /** Reports the current counts (throttled). */
  update(counts: ProgressCounts): void {
    const at = this.now();
    const interval = this.stream.isTTY ? this.options.redrawIntervalMs : this.options.lineIntervalMs;
    if (at - this.lastDraw < interval) return;
    this.lastDraw = at;
    this.draw(counts, at);
  }

  /** Clears the bar (on a terminal) before the summary is printed. */
  finish(): void {
    if (this.stream.isTTY && this.drawn) this.stream.write('\r\x1b[2K');
  }

  private draw(counts: ProgressCounts, at: number): void {
    const { total, label } = this.options;
    const { done, rate, eta } = computeProgress(counts, total, at - this.started);
    const figures =
      `sent ${number.format(counts.sent)} · failed ${number.format(counts.failed)}` +
      (counts.uncertain > 0 ? ` · uncertain ${number.format(counts.uncertain)}` : '') +
      ` · ${number.format(Math.round(rate))}/s · ETA ${eta === null ? '?' : renderDuration(eta)}`;
    if (this.stream.isTTY) {
      const width = 24;
      const ratio = total > 0 ? Math.min(1, done / total) : 0;
      const filled = Math.round(ratio * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      let line = `${bar} ${Math.floor(ratio * 100)}% ${number.format(done)}/${number.format(total)} · ${figures}`;
      const columns = this.stream.columns ?? 100;
      if (line.length > columns - 1) line = line.slice(0, columns - 1);
      this.stream.write(`\r\x1b[2K${line}`);
      this.drawn = true;
    } else {
      this.stream.write(`policy: notices of ${label}: ${number.format(done)}/${number.format(total)} · ${figures}\n`);
    }
  }
}
