import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ATTACHMENT_TYPES, EvidenceType, sniffAttachmentType, stripJpegLocation } from '@app/domain';
import { AttachmentEntity, EvidenceItem, IssueEntity } from '@app/persistence';
import type { Actor } from '../common/actor';
import { InvalidInputError, NotFoundError, UnsupportedMediaTypeError } from '../common/errors';
import { scopeIssues } from '../issue-record/issue-access';
import { AttachmentStore } from './attachment-store';

export interface AttachmentView {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  sha256: string;
  uri: string;
}

/** An evidence item as a command receives it. */
export interface EvidenceInput {
  type: EvidenceType;
  uri?: string;
  description?: string;
  attachmentId?: string;
}

export const attachmentUri = (id: string) => `/api/v1/attachments/${id}`;

const toView = (row: AttachmentEntity): AttachmentView => ({
  id: row.id,
  filename: row.filename,
  contentType: row.contentType,
  size: row.size,
  sha256: row.sha256,
  uri: attachmentUri(row.id),
});

/** A name safe to store and send back: no path, no control characters, at most 255 characters. */
function cleanFilename(name: string): string {
  // eslint-disable-next-line no-control-regex -- exactly the control characters are what must go
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'file').slice(0, 255);
}

/**
 * Evidence files: uploaded by supervisors, handlers and inspectors, then cited by a filing or a rectification. A
 * file can be read by its uploader, and by anyone who may see an issue whose evidence cites it.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly store: AttachmentStore,
  ) {}

  async upload(actor: Actor, file: { filename: string; content: Buffer }): Promise<AttachmentView> {
    const type = sniffAttachmentType(file.content);
    if (!type) {
      throw new UnsupportedMediaTypeError('file: only JPEG, PNG, WebP, PDF, DOCX and XLSX files are taken');
    }
    // Where a photo was taken is the filer's to give (the issue's location), not the camera's.
    const content = type === ATTACHMENT_TYPES.jpeg ? Buffer.from(stripJpegLocation(file.content)) : file.content;
    return this.dataSource.transaction(async (manager) => {
      const row = manager.create(AttachmentEntity, {
        uploadedBy: actor.username,
        filename: cleanFilename(file.filename),
        contentType: type,
        size: content.length,
        sha256: createHash('sha256').update(content).digest('hex'),
      });
      await manager.insert(AttachmentEntity, row);
      await this.store.put(manager, row.id, content);
      return toView(row);
    });
  }

  /** The file, for someone who may read it; 404 for everyone else, as for an issue they may not see. */
  async read(actor: Actor, id: string): Promise<{ attachment: AttachmentView; content: Buffer }> {
    const row = await this.dataSource.manager.findOneBy(AttachmentEntity, { id });
    if (!row || !(row.uploadedBy === actor.username || (await this.citedByVisibleIssue(actor, id)))) {
      throw new NotFoundError(`attachment ${id} not found`);
    }
    const content = await this.store.get(id);
    if (!content) throw new NotFoundError(`attachment ${id} not found`);
    return { attachment: toView(row), content };
  }

  /**
   * Checks the evidence of a command and completes its attachment items (uri, name, type, size). An attachment may
   * be cited by its uploader, or again by someone who may already see it; an unknown one, or someone else's that no
   * visible issue cites, is a 400 naming the item.
   */
  async resolveEvidence(
    manager: EntityManager,
    actor: Actor,
    evidence: EvidenceInput[],
    field = 'evidence',
  ): Promise<{ items: EvidenceItem[]; attachmentIds: string[] }> {
    const ids = [...new Set(evidence.flatMap((item) => (item.attachmentId ? [item.attachmentId] : [])))];
    const rows = ids.length
      ? await manager.createQueryBuilder(AttachmentEntity, 'a').where('a.id IN (:...ids)', { ids }).getMany()
      : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    const items: EvidenceItem[] = [];
    for (const [index, item] of evidence.entries()) {
      if (!item.attachmentId) {
        items.push(item);
        continue;
      }
      const row = byId.get(item.attachmentId);
      const usable =
        row && (row.uploadedBy === actor.username || (await this.citedByVisibleIssue(actor, row.id, manager)));
      if (!row || !usable) {
        throw new InvalidInputError(`${field}[${index}].attachmentId`, `"${item.attachmentId}" is not a file of yours`);
      }
      items.push({
        ...item,
        uri: item.uri ?? attachmentUri(row.id),
        filename: row.filename,
        contentType: row.contentType,
        size: row.size,
      });
    }
    return { items, attachmentIds: ids };
  }

  /** Records that an issue's evidence cites these files, in the command's transaction. */
  async link(manager: EntityManager, issueId: string, attachmentIds: string[]): Promise<void> {
    if (attachmentIds.length === 0) return;
    await manager.query(
      `INSERT INTO issue_attachments (issue_id, attachment_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
      [issueId, attachmentIds],
    );
  }

  private async citedByVisibleIssue(actor: Actor, attachmentId: string, manager = this.dataSource.manager) {
    const qb = manager
      .createQueryBuilder(IssueEntity, 'i')
      .innerJoin('issue_attachments', 'ia', 'ia.issue_id = i.id')
      .where('ia.attachment_id = :attachmentId', { attachmentId });
    return (await scopeIssues(qb, actor).getCount()) > 0;
  }
}
