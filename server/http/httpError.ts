/** An answer with a status and `{error: code, message}`; a 429's Retry-After (whole seconds) too. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}
