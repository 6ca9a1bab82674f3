import { toApiError } from '@/api/errors';

/**
 * A 400 that names one of this form's fields (`reason: must be …`, `coUnits[0]: …`): that field and the rest
 * of the message, for its el-form-item. Null for anything else, which the form shows above itself.
 */
export function fieldRefusal(caught: unknown, fields: readonly string[]): { field: string; message: string } | null {
  const error = toApiError(caught);
  const field = error.field?.split(/[.[]/)[0];
  if (!error.field || !field || !fields.includes(field)) return null;
  const message = error.message.startsWith(error.field)
    ? error.message.slice(error.field.length).replace(/^:?\s*/, '')
    : error.message;
  return { field, message };
}
