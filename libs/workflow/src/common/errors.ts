/** Errors a command raises for something the client did; the API maps each to its status code. */
export class WorkflowError extends Error {}

/** 400: the request names something invalid. `field` is the body or query field at fault. */
export class InvalidInputError extends WorkflowError {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

/** 404: missing, or not visible to this user. */
export class NotFoundError extends WorkflowError {}

/** 403: this user's role or unit may not do this. */
export class ForbiddenError extends WorkflowError {}

/** 409: the state does not allow it, or the thing exists already. */
export class ConflictError extends WorkflowError {}

/** 412: the If-Match version is not the current one. */
export class PreconditionFailedError extends WorkflowError {}

/** 429: too many attempts. */
export class TooManyRequestsError extends WorkflowError {}

/** 401: bad credentials. */
export class UnauthenticatedError extends WorkflowError {}

/** 413: the upload is larger than the limit. */
export class PayloadTooLargeError extends WorkflowError {}

/** 415: a file of a type the service does not take (known by its bytes). */
export class UnsupportedMediaTypeError extends WorkflowError {}
