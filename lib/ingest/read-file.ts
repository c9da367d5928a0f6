// A log file read from disk (the CLI's parse, judge, stats and import), never past the log
// limit: the size is checked before reading, and the read itself stops one byte past the
// limit, so a file that grows meanwhile or a device with no size (/dev/zero) is not read whole.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { open } from "node:fs/promises";
import { decodeLog } from "./decode";
import { MAX_LOG_BYTES } from "./normalize";

/** A file over the log limit, with its name and size in the message. */
export class LogFileTooLarge extends Error {
  constructor(
    readonly file: string,
    readonly size: number | null,
  ) {
    const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
    super(
      `${file} is ${size === null ? `over ${MAX_LOG_BYTES} bytes` : `${size} bytes (${mib(size)})`}; a log may be at most ${MAX_LOG_BYTES} bytes (10 MiB), so it was not read`,
    );
    this.name = "LogFileTooLarge";
  }
}

const CHUNK = 1 << 20;

/** The next read's size: the file's whole stated size (and one byte more, to see it grew) at
 *  first, then chunks, never past one byte over the limit. */
function nextRead(size: number, total: number): number {
  return Math.min(total === 0 && size > 0 ? size + 1 : CHUNK, MAX_LOG_BYTES + 1 - total);
}

/** The reads of one file, by the sync or the async API: what to read next, when to stop, and
 *  the text, or the refusal once past the limit. */
class Reads {
  private chunks: Buffer[] = [];
  private total = 0;

  constructor(
    private readonly file: string,
    private readonly size: number,
    /** a regular file's short read is its end; a device or pipe is read until it says so */
    private readonly regular: boolean,
  ) {
    if (size > MAX_LOG_BYTES) throw new LogFileTooLarge(file, size);
  }

  next(): Buffer {
    return Buffer.allocUnsafe(nextRead(this.size, this.total));
  }

  /** `n` bytes came into `buf`; true when there is nothing more to read */
  got(buf: Buffer, n: number): boolean {
    if (n === 0) return true;
    this.chunks.push(n === buf.length ? buf : buf.subarray(0, n));
    this.total += n;
    return this.total > MAX_LOG_BYTES || (this.regular && n < buf.length);
  }

  text(): string {
    if (this.total > MAX_LOG_BYTES) throw new LogFileTooLarge(this.file, null);
    return decodeLog(Buffer.concat(this.chunks, this.total));
  }
}

export function readLogFileSync(file: string): string {
  const fd = openSync(file, "r");
  try {
    const st = fstatSync(fd);
    const r = new Reads(file, st.size, st.isFile());
    for (;;) {
      const buf = r.next();
      if (r.got(buf, readSync(fd, buf, 0, buf.length, null))) return r.text();
    }
  } finally {
    closeSync(fd);
  }
}

export async function readLogFile(file: string): Promise<string> {
  const fh = await open(file, "r");
  try {
    const st = await fh.stat();
    const r = new Reads(file, st.size, st.isFile());
    for (;;) {
      const buf = r.next();
      if (r.got(buf, (await fh.read(buf, 0, buf.length, null)).bytesRead)) return r.text();
    }
  } finally {
    await fh.close();
  }
}
