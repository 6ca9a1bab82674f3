import fc from 'fast-check';
import { gpsBytes, jpeg } from '../../../../test/support/jpeg';
import { sniffAttachmentType } from './file-type';
import { stripJpegLocation } from './jpeg-location';

const contains = (haystack: Uint8Array, needle: Uint8Array) => Buffer.from(haystack).includes(Buffer.from(needle));

describe('stripJpegLocation', () => {
  const gps = { lat: 25.43, lng: 105.18 };

  it.each([false, true])('empties the GPS directory (big-endian %s) and keeps the rest', (bigEndian) => {
    const photo = jpeg({ gps, orientation: 6, bigEndian });
    expect(contains(photo, gpsBytes({ gps, bigEndian }))).toBe(true);
    const stripped = stripJpegLocation(photo);
    expect(contains(stripped, gpsBytes({ gps, bigEndian }))).toBe(false);
    expect(stripped.length).toBe(photo.length);
    // the orientation entry and the picture are untouched
    const orientation = bigEndian ? [0x01, 0x12, 0x00, 0x03] : [0x12, 0x01, 0x03, 0x00];
    expect(contains(stripped, Uint8Array.from(orientation))).toBe(true);
    expect(Buffer.from(stripped.subarray(-40))).toEqual(photo.subarray(-40));
    expect(sniffAttachmentType(stripped)).toBe('image/jpeg');
  });

  it('drops XMP packets, which may repeat the position', () => {
    const xmp = '<x:xmpmeta><exif:GPSLatitude>25,25.8N</exif:GPSLatitude></x:xmpmeta>';
    const photo = jpeg({ xmp });
    const stripped = stripJpegLocation(photo);
    expect(Buffer.from(stripped).includes('GPSLatitude')).toBe(false);
    expect(stripped.length).toBeLessThan(photo.length);
    expect(Buffer.from(stripped.subarray(-40))).toEqual(photo.subarray(-40));
  });

  it('answers a JPEG without a position, or anything else, as it was', () => {
    const plain = jpeg();
    expect(Buffer.from(stripJpegLocation(plain))).toEqual(plain);
    const png = Buffer.from('89504e470d0a1a0a0000', 'hex');
    expect(stripJpegLocation(png)).toBe(png);
  });

  it('never throws and never grows, whatever the bytes after the JPEG marker', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (tail) => {
        const bytes = Uint8Array.from([0xff, 0xd8, ...tail]);
        expect(stripJpegLocation(bytes).length).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});
