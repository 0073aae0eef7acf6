/**
 * A file's fingerprint: SHA-256 of its bytes as 64 lowercase hex digits, by WebCrypto (crypto.subtle, in pages,
 * workers and Node 20). A share link can name the files a run used without carrying any of their data; whoever
 * opens it checks their own files against the fingerprints.
 */
import { wholeBytes, type Source } from './bytes';

export async function fingerprint(source: Source): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await wholeBytes(source));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
