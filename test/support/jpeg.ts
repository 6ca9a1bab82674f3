// Builds small real JPEG files for tests: a valid 1×1 picture, optionally with EXIF (orientation and a GPS
// position) and an XMP packet, so location stripping can be checked on the bytes a phone camera writes.

/** A 1×1 grey baseline JPEG's segments after SOI (DQT, SOF0, DHT, SOS and the scan), as an encoder writes them. */
const PICTURE = Buffer.from(
  'ffdb004300080606070605080707070909080a0c140d0c0b0b0c1912130f141d1a1f1e1d1a1c1c20242e2720222c231c1c2837292c30313434341f27393d38323c2e333432' +
    'ffc0000b080001000101011100' +
    'ffc4001f0000010501010101010100000000000000000102030405060708090a0b' +
    'ffc400b5100002010303020403050504040000017d01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3d4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa' +
    'ffda0008010100003f00fbd3ffd9',
  'hex',
);

export interface JpegOptions {
  /** Degrees; written as GPS rationals in the EXIF data. */
  gps?: { lat: number; lng: number };
  orientation?: number;
  bigEndian?: boolean;
  xmp?: string;
}

function rationals(value: number): number[] {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 1000);
  return [degrees, 1, minutes, 1, seconds, 1000];
}

function exifSegment(options: JpegOptions): Buffer {
  const little = !options.bigEndian;
  const tiff = Buffer.alloc(256);
  const u16 = (at: number, value: number) => (little ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at));
  const u32 = (at: number, value: number) => (little ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at));
  tiff.write(little ? 'II' : 'MM', 0, 'latin1');
  u16(2, 42);
  u32(4, 8);
  // IFD0 at 8: orientation, and the pointer to the GPS directory.
  const entries: [number, number, number, number][] = [[0x0112, 3, 1, options.orientation ?? 1]];
  if (options.gps) entries.push([0x8825, 4, 1, 64]);
  u16(8, entries.length);
  entries.forEach(([tag, type, count, value], i) => {
    const at = 10 + i * 12;
    u16(at, tag);
    u16(at + 2, type);
    u32(at + 4, count);
    if (type === 3) u16(at + 8, value);
    else u32(at + 8, value);
  });
  u32(10 + entries.length * 12, 0);
  if (options.gps) {
    // The GPS directory at 64: latitude and longitude refs (inline) and values (rationals at 128 and 152).
    const fields: [number, number, number, number | string][] = [
      [1, 2, 2, options.gps.lat >= 0 ? 'N' : 'S'],
      [2, 5, 3, 128],
      [3, 2, 2, options.gps.lng >= 0 ? 'E' : 'W'],
      [4, 5, 3, 152],
    ];
    u16(64, fields.length);
    fields.forEach(([tag, type, count, value], i) => {
      const at = 66 + i * 12;
      u16(at, tag);
      u16(at + 2, type);
      u32(at + 4, count);
      if (typeof value === 'string') tiff.write(value, at + 8, 'latin1');
      else u32(at + 8, value);
    });
    rationals(Math.abs(options.gps.lat)).forEach((v, i) => u32(128 + i * 4, v));
    rationals(Math.abs(options.gps.lng)).forEach((v, i) => u32(152 + i * 4, v));
  }
  const body = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

function xmpSegment(xmp: string): Buffer {
  const body = Buffer.concat([Buffer.from('http://ns.adobe.com/xap/1.0/\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
  const header = Buffer.from([0xff, 0xe1, 0, 0]);
  header.writeUInt16BE(body.length + 2, 2);
  return Buffer.concat([header, body]);
}

export function jpeg(options: JpegOptions = {}): Buffer {
  const parts: Buffer[] = [Buffer.from([0xff, 0xd8])];
  if (options.gps || options.orientation) parts.push(exifSegment(options));
  if (options.xmp) parts.push(xmpSegment(options.xmp));
  parts.push(PICTURE);
  return Buffer.concat(parts);
}

/** The GPS rationals a JPEG built with `gps` carries, as bytes to look for. */
export function gpsBytes(options: JpegOptions & { gps: { lat: number; lng: number } }): Buffer {
  const value = Buffer.alloc(24);
  rationals(Math.abs(options.gps.lat)).forEach((v, i) =>
    options.bigEndian ? value.writeUInt32BE(v, i * 4) : value.writeUInt32LE(v, i * 4),
  );
  return value;
}
