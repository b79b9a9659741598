import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where file bytes live: a port, so S3-compatible storage can come later. The local default keeps
 * each file once under DATA_DIR/media by its SHA-256 (content addressing: the same image sent a
 * thousand times is stored once).
 */
export interface MediaStorage {
  put(bytes: Buffer): Promise<{ sha256: string; key: string }>;
  get(key: string): Promise<Buffer>;
}

export class LocalMediaStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer): Promise<{ sha256: string; key: string }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const key = `${sha256.slice(0, 2)}/${sha256}`;
    const file = path.join(this.root, key);
    await mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a crash never leaves a half file under the final name.
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(temporary, bytes);
    await rename(temporary, file);
    return { sha256, key };
  }

  async get(key: string): Promise<Buffer> {
    if (!/^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('not a media key');
    return readFile(path.join(this.root, key));
  }
}
