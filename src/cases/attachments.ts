/**
 * Attachments a reporter may send: a few document and image types, checked by their first bytes (the declared
 * type must match what the bytes are), size-limited by configuration.
 */
import { CaseError } from './errors.ts';
import type { Attachment } from './intake.ts';

export const ATTACHMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/gif', 'image/webp', 'text/plain'] as const;
export type AttachmentType = (typeof ATTACHMENT_TYPES)[number];

/** Whether `bytes` look like `type`. */
export function sniffMatches(type: AttachmentType, bytes: Buffer): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  switch (type) {
    case 'application/pdf':
      return starts(0x25, 0x50, 0x44, 0x46, 0x2d); // %PDF-
    case 'image/png':
      return starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
    case 'image/jpeg':
      return starts(0xff, 0xd8, 0xff);
    case 'image/gif':
      return starts(0x47, 0x49, 0x46, 0x38); // GIF8
    case 'image/webp':
      return starts(0x52, 0x49, 0x46, 0x46) && bytes.subarray(8, 12).toString('latin1') === 'WEBP';
    case 'text/plain': {
      if (bytes.includes(0)) return false;
      return Buffer.from(bytes.toString('utf8'), 'utf8').equals(bytes); // valid UTF-8
    }
  }
}

export interface AttachmentInput {
  filename: string;
  contentType: AttachmentType;
  /** base64 */
  data: string;
}

/** Decodes and checks attachments; throws `invalid_request` naming `attachments.<i>.<field>`. */
export function acceptAttachments(input: readonly AttachmentInput[] | undefined, limits: { attachmentBytes: number; maxAttachments: number }): Attachment[] {
  const list = input ?? [];
  if (list.length > limits.maxAttachments) {
    throw new CaseError('invalid_request', `attachments: at most ${limits.maxAttachments} attachments`, 'attachments');
  }
  return list.map((a, i) => {
    const bytes = Buffer.from(a.data, 'base64');
    if (bytes.length === 0) throw new CaseError('invalid_request', `attachments.${i}.data: empty`, `attachments.${i}.data`);
    if (bytes.length > limits.attachmentBytes) {
      throw new CaseError('invalid_request', `attachments.${i}.data: ${bytes.length} bytes, larger than the ${limits.attachmentBytes}-byte limit`, `attachments.${i}.data`);
    }
    if (!sniffMatches(a.contentType, bytes)) {
      throw new CaseError('invalid_request', `attachments.${i}.contentType: the file is not ${a.contentType}`, `attachments.${i}.contentType`);
    }
    return { filename: a.filename, contentType: a.contentType, bytes };
  });
}
