import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Where evidence files' bytes live. PostgreSQL by default (one backup holds everything); an object store such as
 * S3 is another provider of this class — `put` then writes the object before the metadata commits, and an object
 * without metadata is garbage a sweep may collect.
 */
export abstract class AttachmentStore {
  abstract put(manager: EntityManager, id: string, content: Buffer): Promise<void>;
  abstract get(id: string): Promise<Buffer | null>;
}

@Injectable()
export class PostgresAttachmentStore extends AttachmentStore {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async put(manager: EntityManager, id: string, content: Buffer): Promise<void> {
    await manager.query('INSERT INTO attachment_contents (attachment_id, content) VALUES ($1, $2)', [id, content]);
  }

  async get(id: string): Promise<Buffer | null> {
    const rows: { content: Buffer }[] = await this.dataSource.query(
      'SELECT content FROM attachment_contents WHERE attachment_id = $1',
      [id],
    );
    return rows[0]?.content ?? null;
  }
}
