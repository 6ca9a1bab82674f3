import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  PayloadTooLargeException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import multer, { MulterError } from 'multer';
import type { Observable } from 'rxjs';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

const single = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, parts: 12 },
}).single('file');

/** Reads one multipart part named `file` (at most 20 MiB) into memory, with errors that name the field. */
@Injectable()
export class UploadInterceptor implements NestInterceptor {
  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!request.is('multipart/form-data')) {
      throw new BadRequestException('file: send the file as multipart/form-data, in a part named "file"');
    }
    await new Promise<void>((resolve, reject) =>
      single(request, http.getResponse<Response>(), (error: unknown) => {
        if (!error) return resolve();
        if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE') {
          return reject(new PayloadTooLargeException('file: larger than the 20 MiB limit'));
        }
        if (error instanceof MulterError) {
          return reject(new BadRequestException(`file: ${error.message} (send one part named "file")`));
        }
        reject(new BadRequestException(`file: the multipart body could not be read (${String(error)})`));
      }),
    );
    if (!request.file) throw new BadRequestException('file: a part named "file" is required');
    return next.handle();
  }
}
