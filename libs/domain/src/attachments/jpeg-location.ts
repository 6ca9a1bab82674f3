// A photo taken in the field carries where it was taken. The service keeps what the filer typed as the position
// and strips the camera's: the GPS directory of the EXIF data is emptied, and XMP packets (which may repeat it)
// are dropped. Everything else (orientation, the picture) stays as it was.

const SOI = 0xd8;
const SOS = 0xda;
const APP1 = 0xe1;
const GPS_POINTER_TAG = 0x8825;
const TYPE_SIZES: Record<number, number> = {
  1: 1,
  2: 1,
  3: 2,
  4: 4,
  5: 8,
  6: 1,
  7: 1,
  8: 2,
  9: 4,
  10: 8,
  11: 4,
  12: 8,
};
const EXIF_HEADER = [0x45, 0x78, 0x69, 0x66, 0x00, 0x00]; // "Exif\0\0"
const XMP_HEADER = 'http://ns.adobe.com/xap/1.0/';

class Tiff {
  readonly little: boolean;
  constructor(
    readonly bytes: Uint8Array,
    readonly start: number,
    readonly end: number,
  ) {
    this.little = bytes[start] === 0x49;
  }
  u16(at: number): number {
    const [a, b] = [this.bytes[this.start + at], this.bytes[this.start + at + 1]];
    return this.little ? a | (b << 8) : (a << 8) | b;
  }
  u32(at: number): number {
    const b = (i: number) => this.bytes[this.start + at + i];
    return (
      (this.little
        ? b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24)
        : (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3)) >>> 0
    );
  }
  fits(at: number, length: number): boolean {
    return at >= 0 && this.start + at + length <= this.end;
  }
  zero(at: number, length: number): void {
    if (this.fits(at, length)) this.bytes.fill(0, this.start + at, this.start + at + length);
  }
}

/** Empties the GPS directory of one EXIF segment in place: its entries, the values they point to, and the count. */
function emptyGpsDirectory(tiff: Tiff): boolean {
  if (!tiff.fits(0, 8) || ![0x49, 0x4d].includes(tiff.bytes[tiff.start])) return false;
  const ifd0 = tiff.u32(4);
  if (!tiff.fits(ifd0, 2)) return false;
  const count = tiff.u16(ifd0);
  for (let i = 0; i < count; i += 1) {
    const entry = ifd0 + 2 + i * 12;
    if (!tiff.fits(entry, 12) || tiff.u16(entry) !== GPS_POINTER_TAG) continue;
    const gps = tiff.u32(entry + 8);
    if (!tiff.fits(gps, 2)) return false;
    const gpsCount = tiff.u16(gps);
    for (let j = 0; j < gpsCount; j += 1) {
      const field = gps + 2 + j * 12;
      if (!tiff.fits(field, 12)) break;
      const size = (TYPE_SIZES[tiff.u16(field + 2)] ?? 1) * tiff.u32(field + 4);
      // Values longer than four bytes live elsewhere in the segment: wipe them too.
      if (size > 4 && size < tiff.end - tiff.start) tiff.zero(tiff.u32(field + 8), size);
      tiff.zero(field, 12);
    }
    tiff.zero(gps, 2);
    return true;
  }
  return false;
}

/** The JPEG without its camera position; answers the bytes unchanged when they hold none (or are not a JPEG). */
export function stripJpegLocation(input: Uint8Array): Uint8Array {
  if (input[0] !== 0xff || input[1] !== SOI) return input;
  const bytes = Uint8Array.from(input);
  const kept: [number, number][] = [];
  let at = 2;
  let from = 0;
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === SOS) break; // the image data follows; metadata is all before it
    const length = (bytes[at + 2] << 8) | bytes[at + 3];
    const end = at + 2 + length;
    if (length < 2 || end > bytes.length) break;
    if (marker === APP1) {
      const body = at + 4;
      if (EXIF_HEADER.every((byte, i) => bytes[body + i] === byte)) {
        emptyGpsDirectory(new Tiff(bytes, body + EXIF_HEADER.length, end));
      } else if (new TextDecoder().decode(bytes.subarray(body, body + XMP_HEADER.length)) === XMP_HEADER) {
        kept.push([from, at]);
        from = end;
      }
    }
    at = end;
  }
  if (kept.length === 0) return bytes;
  const parts = [...kept.map(([start, stop]) => bytes.subarray(start, stop)), bytes.subarray(from)];
  const output = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    output.set(part, offset);
    offset += part.length;
  }
  return output;
}
