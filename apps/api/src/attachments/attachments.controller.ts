import { Controller, Get, Param, Post, Req, Res, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AttachmentsService } from '@app/workflow';
import type { Actor } from '@app/workflow';
import { CurrentActor } from '../auth/auth.decorators';
import { Endpoint } from '../common/endpoint';
import { sendFile } from '../common/send-file';
import { uuidParam } from '../common/uuid-param';
import { UploadInterceptor } from './upload.interceptor';

export class AttachmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '塌方现场.jpg' }) filename: string;
  @ApiProperty({ example: 'image/jpeg', description: 'read from the bytes, not the name' }) contentType: string;
  @ApiProperty({ description: 'bytes, as stored (after location data is stripped)' }) size: number;
  @ApiProperty({ description: 'hex SHA-256 of the stored bytes' }) sha256: string;
  @ApiProperty({ example: '/api/v1/attachments/…' }) uri: string;
}

const INLINE = /^(image\/|application\/pdf)/;

@ApiTags('attachments')
@ApiBearerAuth()
@Controller('attachments')
export class AttachmentsController {
  constructor(private readonly attachments: AttachmentsService) {}

  @Post()
  @UseInterceptors(UploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @Endpoint({
    summary: 'Upload an evidence file',
    description:
      'One multipart part named `file`, at most 20 MiB. JPEG, PNG, WebP, PDF, DOCX and XLSX are taken, known by ' +
      'their bytes (not the name). A JPEG loses its location data (EXIF GPS). Cite the answer’s `id` as ' +
      '`attachmentId` in the `evidence` of a filing or a rectification.',
    who: ['supervisor', 'handler', 'inspector'],
    status: 201,
    ok: AttachmentDto,
    errors: [400, 413, 415],
  })
  upload(@CurrentActor() actor: Actor, @Req() request: Request) {
    const file = request.file as Express.Multer.File;
    // Browsers send the name as UTF-8 bytes that multer reads as Latin-1.
    const filename = Buffer.from(file.originalname, 'latin1').toString('utf8');
    return this.attachments.upload(actor, { filename, content: file.buffer });
  }

  @Get(':id')
  @Endpoint({
    summary: 'Download an evidence file',
    description:
      'Its uploader, or anyone who may see an issue whose evidence cites it; everyone else gets 404. Sent with its ' +
      'type and a `Content-Disposition` carrying the UTF-8 name.',
    who: 'any',
    okDescription: 'the bytes',
    errors: [400, 404],
  })
  async download(
    @CurrentActor() actor: Actor,
    @Param('id', uuidParam()) id: string,
    @Res() response: Response,
  ): Promise<void> {
    const { attachment, content } = await this.attachments.read(actor, id);
    response.setHeader('ETag', `"${attachment.sha256}"`);
    response.setHeader('Cache-Control', 'private, max-age=3600');
    sendFile(
      response,
      { filename: attachment.filename, contentType: attachment.contentType, body: content },
      INLINE.test(attachment.contentType) ? 'inline' : 'attachment',
    );
  }
}
