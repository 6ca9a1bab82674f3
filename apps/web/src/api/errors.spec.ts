import { describe, expect, it } from 'vitest';
import { ApiError, fieldOf, fieldRefusal, toApiError } from './errors';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('ApiError', () => {
  it('carries the API’s message and, for a 400, the field it names', async () => {
    const error = await ApiError.fromResponse(
      json(400, { statusCode: 400, error: 'Bad Request', message: 'title: must be shorter than or equal to 200' }),
    );
    expect(error).toMatchObject({
      status: 400,
      message: 'title: must be shorter than or equal to 200',
      field: 'title',
    });
  });

  it('a 409 or 412 is a conflict, with no field', async () => {
    const conflict = await ApiError.fromResponse(
      json(409, { message: 'cannot acknowledge an issue in status closed' }),
    );
    expect(conflict.isConflict).toBe(true);
    expect(conflict.field).toBeUndefined();
    expect(
      (await ApiError.fromResponse(json(412, { message: 'If-Match: the issue is at version 4' }))).isConflict,
    ).toBe(true);
    expect((await ApiError.fromResponse(json(403, { message: 'role supervisor may not do this' }))).isConflict).toBe(
      false,
    );
  });

  it('keeps the status text when the body is not JSON', async () => {
    const error = await ApiError.fromResponse(new Response('<html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error).toMatchObject({ status: 502, message: 'Bad Gateway' });
  });

  it('anything thrown becomes a network error (status 0)', () => {
    const error = toApiError(new TypeError('Failed to fetch'));
    expect(error.isNetwork).toBe(true);
    expect(error.message).toBe('Failed to fetch');
    const same = new ApiError(404, 'gone');
    expect(toApiError(same)).toBe(same);
  });
});

describe('fieldOf', () => {
  it.each([
    ['title: must be shorter than or equal to 200 characters', 'title'],
    ['location.lat must not be greater than 90', 'location.lat'],
    ['evidence[0].type: must be one of photo, document', 'evidence[0].type'],
    ['currentPassword: is wrong', 'currentPassword'],
    ['category: "nope" does not exist', 'category'],
    ['unread must be true or false', 'unread'],
    ['property foo should not exist', undefined],
    ['cannot acknowledge an issue in status closed', undefined],
  ])('%s → %s', (message, field) => {
    expect(fieldOf(message)).toBe(field);
  });
});

describe('fieldRefusal', () => {
  const refused = (message: string) =>
    ApiError.fromResponse(json(400, { statusCode: 400, error: 'Bad Request', message }));

  it('puts a 400 naming one of the form’s fields under that field, without the field’s name', async () => {
    expect(fieldRefusal(await refused('reason: must not be empty'), ['reason', 'note'])).toEqual({
      field: 'reason',
      message: 'must not be empty',
    });
    expect(fieldRefusal(await refused('coUnits[0]: unknown unit'), ['coUnits'])).toEqual({
      field: 'coUnits',
      message: 'unknown unit',
    });
  });

  it('anything else is for above the form', async () => {
    expect(fieldRefusal(await refused('title: too long'), ['reason'])).toBeNull();
    expect(fieldRefusal(new Error('offline'), ['reason'])).toBeNull();
  });
});
