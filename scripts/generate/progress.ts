/**
 * A progress bar on stderr with rows per second and time left. On a terminal it redraws one line;
 * in a log (CI, a pipe) it prints a line every few seconds instead.
 */
export type Progress = { tick: (done: number, rows: number) => void; finish: (rows: number) => void };

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes}m${String(seconds % 60).padStart(2, '0')}s` : `${seconds}s`;
}

export function createProgress(label: string, total: number): Progress {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastPrinted = 0;
  const line = (done: number, rows: number) => {
    const elapsed = Date.now() - started;
    const fraction = total === 0 ? 1 : done / total;
    const width = 28;
    const filled = Math.round(fraction * width);
    const rate = elapsed > 0 ? Math.round((rows * 1000) / elapsed) : 0;
    const left = fraction > 0 ? (elapsed / fraction) * (1 - fraction) : 0;
    return (
      `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} · ${rows.toLocaleString('en-GB')} rows · ` +
      `${rate.toLocaleString('en-GB')} rows/s · ${formatDuration(elapsed)} elapsed · ${formatDuration(left)} left`
    );
  };
  return {
    tick(done, rows) {
      const now = Date.now();
      if (tty) {
        if (now - lastPrinted < 200) return;
        process.stderr.write(`\r${line(done, rows)}\x1b[K`);
      } else {
        if (now - lastPrinted < 5000) return;
        process.stderr.write(`${line(done, rows)}\n`);
      }
      lastPrinted = now;
    },
    finish(rows) {
      process.stderr.write(`${tty ? '\r' : ''}${line(total, rows)}${tty ? '\x1b[K' : ''}\n`);
    },
  };
}
