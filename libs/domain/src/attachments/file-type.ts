/** The evidence files the service takes, known by their bytes, never by their name. */
export const ATTACHMENT_TYPES = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[keyof typeof ATTACHMENT_TYPES];

const startsWith = (bytes: Uint8Array, prefix: number[], at = 0) =>
  bytes.length >= at + prefix.length && prefix.every((byte, index) => bytes[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** The names of the entries in a zip file's central directory (how Office documents say what they are). */
function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes.
  const floor = Math.max(0, bytes.length - 65_557);
  for (let at = bytes.length - 22; at >= floor; at -= 1) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let cursor = view.getUint32(at + 16, true);
    const names: string[] = [];
    for (let i = 0; i < entries && cursor + 46 <= bytes.length; i += 1) {
      if (view.getUint32(cursor, true) !== 0x02014b50) break;
      const nameLength = view.getUint16(cursor + 28, true);
      const extra = view.getUint16(cursor + 30, true);
      const comment = view.getUint16(cursor + 32, true);
      names.push(new TextDecoder().decode(bytes.subarray(cursor + 46, cursor + 46 + nameLength)));
      cursor += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return [];
}

/** The type of a file from its first bytes (and, for Office documents, its zip directory); null if not taken. */
export function sniffAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return ATTACHMENT_TYPES.jpeg;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return ATTACHMENT_TYPES.png;
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return ATTACHMENT_TYPES.webp;
  if (startsWith(bytes, ascii('%PDF-'))) return ATTACHMENT_TYPES.pdf;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (!names.includes('[Content_Types].xml')) return null;
    if (names.some((name) => name.startsWith('word/'))) return ATTACHMENT_TYPES.docx;
    if (names.some((name) => name.startsWith('xl/'))) return ATTACHMENT_TYPES.xlsx;
  }
  return null;
}
