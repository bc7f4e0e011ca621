/**
 * The reporting channel's one domain error. Its `reason` is the stable code the API boundary
 * (src/server/errors.ts) turns into an HTTP status; nothing in src/cases knows about HTTP.
 */
export type CaseErrorReason =
  | 'invalid_request'
  | 'not_found'
  | 'forbidden'
  | 'unauthorized'
  | 'already_in_state'
  | 'illegal_transition'
  | 'decision_required'
  | 'conflict';

export class CaseError extends Error {
  constructor(
    readonly reason: CaseErrorReason,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CaseError';
  }
}
