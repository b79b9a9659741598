import { describe, expect, it } from 'vitest';
import { createDraftStore } from './draft-store.ts';

function memoryStorage() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

describe('drafts per conversation', () => {
  it('keeps each conversation its own draft', () => {
    const store = createDraftStore(memoryStorage());
    store.save('a', { text: 'Hola Ana', note: false });
    store.save('b', { text: 'Cliente VIP', note: true });
    expect(store.load('a')).toEqual({ text: 'Hola Ana', note: false });
    expect(store.load('b')).toEqual({ text: 'Cliente VIP', note: true });
  });

  it('forgets a draft once it is sent or emptied', () => {
    const storage = memoryStorage();
    const store = createDraftStore(storage);
    store.save('a', { text: 'Hola', note: false });
    store.clear('a');
    expect(store.load('a')).toBeNull();
    store.save('a', { text: 'Hola', note: false });
    store.save('a', { text: '   ', note: false });
    expect(storage.values.size).toBe(0);
  });

  it('ignores a corrupted entry and keeps working when storage refuses writes', () => {
    const storage = memoryStorage();
    storage.values.set('charla.draft.a', '{not json');
    expect(createDraftStore(storage).load('a')).toBeNull();
    const full = {
      ...memoryStorage(),
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => createDraftStore(full).save('a', { text: 'x', note: false })).not.toThrow();
    expect(createDraftStore(null).load('a')).toBeNull();
  });
});
