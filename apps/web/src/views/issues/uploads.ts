import { toApiError } from '@/api/errors';
import type { Evidence, EvidenceType } from '@/api/types';
import { attachmentFile, type Problem } from '@/domain/validation';
import type { Attachment } from './api';

/** One file the user picked: checked here first, then sent to POST /attachments, cited once it has an id. */
export interface Upload {
  key: number;
  name: string;
  size: number;
  kind: Extract<EvidenceType, 'photo' | 'document'>;
  /** An object URL of the picked file, for an image's preview (revoked when the file is removed). */
  previewUrl: string | null;
  status: 'uploading' | 'done' | 'refused';
  attachment: Attachment | null;
  /** Why the file cannot be cited, as a `validation.` key, or the API's own words. */
  problem: Problem | null;
}

const IMAGE = /^image\/(jpeg|png|webp)$/;
const IMAGE_NAME = /\.(jpe?g|png|webp)$/i;

export function kindOf(file: Pick<File, 'name' | 'type'>): Upload['kind'] {
  return IMAGE.test(file.type) || (!file.type && IMAGE_NAME.test(file.name)) ? 'photo' : 'document';
}

/** What the client can tell before sending: a type the API refuses, too large, empty. */
export function checkFile(file: Pick<File, 'name' | 'type' | 'size'>): Problem | null {
  return attachmentFile(file);
}

/** The API's refusal in words: 413 too large, 415 a type it does not take; anything else its own message. */
export function uploadProblem(caught: unknown): Problem {
  const error = toApiError(caught);
  if (error.status === 413) return { key: 'fileSize', params: { max: 20 } };
  if (error.status === 415) return { key: 'fileType' };
  if (error.isNetwork) return { key: 'uploadNetwork' };
  return { key: 'uploadFailed', params: { message: error.message } };
}

/** The evidence items that cite the uploaded files, in the order they were picked. */
export function evidenceFrom(uploads: readonly Upload[]): Evidence[] {
  return uploads
    .filter((upload) => upload.status === 'done' && upload.attachment)
    .map((upload) => ({ type: upload.kind, attachmentId: upload.attachment!.id, description: upload.name }));
}

export const isUploading = (uploads: readonly Upload[]) => uploads.some((upload) => upload.status === 'uploading');

/** 1.2 MB, 340 KB: file sizes as people read them. */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
