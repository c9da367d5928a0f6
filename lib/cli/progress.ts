// A progress bar on stderr: redrawn in place on a terminal, a line every 10% otherwise.
export function progressBar(total: number, label: string) {
  const tty = process.stderr.isTTY;
  const t0 = Date.now();
  let lastDecile = -1;
  return {
    tick(done: number, note = "") {
      const frac = total ? done / total : 1;
      const rate = done / Math.max(0.001, (Date.now() - t0) / 1000);
      if (tty) {
        const width = 30;
        const filled = Math.round(frac * width);
        process.stderr.write(
          `\r${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} ${rate.toFixed(0)}/s ${note}`.padEnd(100).slice(0, 120),
        );
      } else {
        const decile = Math.floor(frac * 10);
        if (decile !== lastDecile || done === total) {
          lastDecile = decile;
          process.stderr.write(`${label} ${done}/${total} (${Math.round(frac * 100)}%) ${rate.toFixed(0)}/s\n`);
        }
      }
    },
    done() {
      if (tty) process.stderr.write("\n");
    },
  };
}
