// A log's bytes as text. UTF-8, with or without its byte-order mark, is what syzbot serves;
// a log saved by an editor as UTF-16 or UTF-32 says so with its byte-order mark, and is read
// as such (without one, UTF-16 or UTF-32 ASCII is UTF-8 with NULs between, which the upload
// drops). Bytes that are no character become U+FFFD. Linear in the bytes.

export function decodeLog(bytes: Uint8Array): string {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return utf32(bytes.subarray(4), true);
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return utf32(bytes.subarray(4), false);
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  // TextDecoder drops a UTF-8 byte-order mark (Buffer#toString would keep it as U+FEFF)
  return new TextDecoder().decode(bytes);
}

const CHUNK = 8192;

function utf32(bytes: Uint8Array, little: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const units = Math.floor(bytes.byteLength / 4);
  const parts: string[] = [];
  const points: number[] = [];
  for (let i = 0; i < units; i++) {
    const c = view.getUint32(i * 4, little);
    points.push(c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff) ? 0xfffd : c);
    if (points.length === CHUNK) {
      parts.push(String.fromCodePoint(...points));
      points.length = 0;
    }
  }
  if (bytes.byteLength % 4 !== 0) points.push(0xfffd);
  parts.push(String.fromCodePoint(...points));
  return parts.join("");
}
