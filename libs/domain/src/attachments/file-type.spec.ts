import { deflateRawSync } from 'node:zlib';
import { jpeg } from '../../../../test/support/jpeg';
import { ATTACHMENT_TYPES, sniffAttachmentType } from './file-type';

/** A minimal zip (stored entries) with these names, as Office writes its documents. */
function zip(names: string[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const name of names) {
    const data = deflateRawSync(Buffer.from('x'));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(Buffer.byteLength(name), 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(Buffer.byteLength(name), 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, Buffer.from(name), data);
    centrals.push(central, Buffer.from(name));
    offset += 30 + Buffer.byteLength(name) + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(names.length, 8);
  end.writeUInt16LE(names.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('sniffAttachmentType', () => {
  it.each([
    ['a JPEG', jpeg(), ATTACHMENT_TYPES.jpeg],
    ['a PNG', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), ATTACHMENT_TYPES.png],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')]), ATTACHMENT_TYPES.webp],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), ATTACHMENT_TYPES.pdf],
    ['a DOCX', zip(['[Content_Types].xml', '_rels/.rels', 'word/document.xml']), ATTACHMENT_TYPES.docx],
    ['an XLSX', zip(['[Content_Types].xml', 'xl/workbook.xml']), ATTACHMENT_TYPES.xlsx],
  ])('knows %s by its bytes', (_what, bytes, type) => {
    expect(sniffAttachmentType(bytes)).toBe(type);
  });

  it.each([
    ['a plain zip', zip(['notes.txt'])],
    ['an Office file of another kind', zip(['[Content_Types].xml', 'ppt/presentation.xml'])],
    ['a script named .jpg', Buffer.from('#!/bin/sh\necho hi\n')],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a GIF', Buffer.from('GIF89a')],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_what, bytes) => {
    expect(sniffAttachmentType(bytes)).toBeNull();
  });
});
