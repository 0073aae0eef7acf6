/**
 * Where the your-data lab keeps the user's files across reloads: this browser's IndexedDB (idb-keyval, a store of
 * its own), nowhere else. "Forget my data" clears it. Tests pass a storage in memory.
 */
import { clear, createStore, del, set, values, type UseStore } from 'idb-keyval';
import type { FileRole } from '../scenario/labs/data/files';

export interface StoredFile {
  readonly slot: string;
  readonly role: FileRole;
  readonly name: string;
  /** The file itself (IndexedDB keeps a Blob without copying it on the page's thread). */
  readonly blob: Blob;
  /** When it was added (files come back in this order). */
  readonly added: number;
}

export interface FileStorage {
  save(file: StoredFile): Promise<void>;
  remove(slot: string): Promise<void>;
  clear(): Promise<void>;
  all(): Promise<StoredFile[]>;
}

export function memoryStorage(): FileStorage {
  const files = new Map<string, StoredFile>();
  return {
    save: async (file) => void files.set(file.slot, file),
    remove: async (slot) => void files.delete(slot),
    clear: async () => files.clear(),
    all: async () => [...files.values()].sort((a, b) => a.added - b.added),
  };
}

let store: UseStore | null = null;
const own = (): UseStore => (store ??= createStore('synthetic-utility-playground', 'your-data'));

/** The browser's IndexedDB; where it is missing or refused (private modes), files are simply not kept. */
export function browserStorage(): FileStorage {
  if (typeof indexedDB === 'undefined') return memoryStorage();
  return {
    save: (file) => set(file.slot, file, own()).catch(() => undefined),
    remove: (slot) => del(slot, own()).catch(() => undefined),
    clear: () => clear(own()).catch(() => undefined),
    all: () =>
      values<StoredFile & { bytes?: ArrayBuffer }>(own())
        // Files kept by an earlier version hold their bytes, not a Blob.
        .then((list) =>
          list.map((f) => (f.blob ? f : { ...f, blob: new Blob([f.bytes ?? new ArrayBuffer(0)]) })),
        )
        .then((list) => list.sort((a, b) => a.added - b.added))
        .catch(() => []),
  };
}
