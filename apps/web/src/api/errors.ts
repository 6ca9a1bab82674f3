/**
 * Every failed call, normalised: the HTTP status (0 when the service could not be reached), the API's own
 * `message`, and the field it names when it is a validation error (`title: must be ...`).
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  /** 409 (the state moved on) or 412 (If-Match): someone else changed it. */
  get isConflict(): boolean {
    return this.status === 409 || this.status === 412;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  static async fromResponse(response: Response): Promise<ApiError> {
    let message = response.statusText || `HTTP ${response.status}`;
    try {
      const body: unknown = await response.clone().json();
      const text = (body as { message?: unknown } | null)?.message;
      if (typeof text === 'string' && text) message = text;
      else if (Array.isArray(text)) message = text.join('; ');
    } catch {
      // not JSON: keep the status text
    }
    return new ApiError(response.status, message, response.status === 400 ? fieldOf(message) : undefined);
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, cause instanceof Error ? cause.message : String(cause));
  }
}

// "title: must be ...", "location.lat must not be greater than 90", "evidence[0].type: ..." → the field path.
const FIELD = /^([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*)(?=:|\s+(?:must|should|is|has|does)\b)/;

/** The field a 400 message names first, if any. */
export function fieldOf(message: string): string | undefined {
  return FIELD.exec(message)?.[1];
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Any thrown value as an ApiError, for the error states of pages. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : ApiError.network(error);
}

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
