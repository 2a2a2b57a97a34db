import { createHash } from 'node:crypto';
import type { Digest } from '../../shared/replay/envelope';

/** Node's native SHA-256: the same digests as `shared/util/sha256.ts`, for the server's hot path. */
export const nativeSha256Hex: Digest = (text) => createHash('sha256').update(text, 'utf8').digest('hex');
