import { describe, expect, it } from 'vitest';
import { fingerprint } from './fingerprint';
import { bytes } from './testing';

describe('fingerprint', () => {
  it('is the SHA-256 of the bytes, the same from bytes, a buffer, a view or a Blob', async () => {
    const empty = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
    expect(await fingerprint(new Uint8Array(0))).toBe(empty);
    const known = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'; // SHA-256("abc")
    expect(await fingerprint(bytes('abc'))).toBe(known);
    expect(await fingerprint(bytes('abc').buffer as ArrayBuffer)).toBe(known);
    expect(await fingerprint(bytes('xxabcxx').subarray(2, 5))).toBe(known);
    expect(await fingerprint(new Blob(['abc']))).toBe(known);
    expect(await fingerprint(bytes('abd'))).not.toBe(known);
  });
});
