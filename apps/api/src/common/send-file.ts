import type { Response } from 'express';
import type { ExportFile } from '@app/workflow';

/** Sends a file as a download; a non-ASCII name also goes in `filename*` (RFC 6266), so Chinese names survive. */
export function sendFile(response: Response, file: ExportFile, disposition: 'attachment' | 'inline' = 'attachment') {
  const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const utf8 = ascii === file.filename ? '' : `; filename*=UTF-8''${encodeURIComponent(file.filename)}`;
  response.setHeader('Content-Type', file.contentType);
  response.setHeader('Content-Disposition', `${disposition}; filename="${ascii}"${utf8}`);
  response.send(file.body);
}
