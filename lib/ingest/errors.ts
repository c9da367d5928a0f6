/** A log that cannot be stored: what is wrong, where, and the HTTP status it maps to. */
export class IngestError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 413 | 415,
    readonly line: number | null = null,
  ) {
    super(message);
    this.name = "IngestError";
  }
}
