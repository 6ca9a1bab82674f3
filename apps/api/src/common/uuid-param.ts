import { BadRequestException, ParseUUIDPipe } from '@nestjs/common';

/** A path id that is not a UUID is a 400 naming the parameter, never a database error. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({ exceptionFactory: () => new BadRequestException(`${field} must be a UUID`) });
