import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  pick,
  pickString,
  type SandboxFixture,
  startSandboxFixture,
  TOKENS,
} from '../testing/sandbox.fixture.ts';
import { sampleFile } from './sample-media.ts';

const PHONE = '106540352242922';

function uploadForm(bytes: Buffer, type: string, name: string): FormData {
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', type);
  form.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

describe('WhatsApp media', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('round-trips an upload: id → URL → download of the same bytes, only with the token', async () => {
    fixture = await startSandboxFixture();
    const jpeg = sampleFile('jpeg').bytes;
    const upload = await fixture.graph(`/${PHONE}/media`, {
      form: uploadForm(jpeg, 'image/jpeg', 'recibo.jpg'),
    });
    expect(upload.body).toEqual({ id: expect.stringMatching(/^\d+$/) });
    const id = pickString(upload.body, 'id');

    const info = await fixture.graph(`/${id}`);
    expect(info.body).toEqual({
      messaging_product: 'whatsapp',
      url: expect.stringContaining('/whatsapp_business/attachments/?mid='),
      mime_type: 'image/jpeg',
      sha256: createHash('sha256').update(jpeg).digest('hex'),
      file_size: jpeg.length,
      id,
    });
    const url = pickString(info.body, 'url');
    const withToken = await fetch(url, { headers: { authorization: `Bearer ${TOKENS.whatsapp}` } });
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await withToken.arrayBuffer()).equals(jpeg)).toBe(true);

    const anonymous = await fetch(url);
    expect(anonymous.status).toBe(401);
    expect(pick(await anonymous.json(), 'error', 'code')).toBe(190);
    const forged = await fetch(url.replace(/hash=[^&]+/, 'hash=forged'), {
      headers: { authorization: `Bearer ${TOKENS.whatsapp}` },
    });
    expect(forged.status).toBe(404);
    expect(fixture.sandbox.media.get(id)?.bytes.equals(jpeg)).toBe(true);
  });

  it('answers 404 for a media URL once it has expired', async () => {
    let now = Date.now();
    fixture = await startSandboxFixture({ clock: () => now, mediaUrlTtlMs: 60_000 });
    const upload = await fixture.graph(`/${PHONE}/media`, {
      form: uploadForm(sampleFile('pdf').bytes, 'application/pdf', 'a.pdf'),
    });
    const info = await fixture.graph(`/${pickString(upload.body, 'id')}`);
    now += 61_000;
    const expired = await fetch(pickString(info.body, 'url'), {
      headers: { authorization: `Bearer ${TOKENS.whatsapp}` },
    });
    expect(expired.status).toBe(404);
  });

  it('refuses a file type WhatsApp does not accept with 131053', async () => {
    fixture = await startSandboxFixture();
    const answer = await fixture.graph(`/${PHONE}/media`, {
      form: uploadForm(Buffer.from('GIF89a'), 'image/gif', 'a.gif'),
    });
    expect(answer.status).toBe(400);
    expect(pick(answer.body, 'error', 'code')).toBe(131053);
  });

  it('lets Charla download media a customer sent, and deletes media on request', async () => {
    fixture = await startSandboxFixture();
    await fixture.inbound({ channel: 'whatsapp', type: 'audio' });
    const [webhook] = await fixture.receiver.waitFor(1);
    const audio = pick(webhook?.body, 'entry', 0, 'changes', 0, 'value', 'messages', 0, 'audio');
    expect(audio).toMatchObject({ mime_type: 'audio/ogg; codecs=opus', voice: true, id: expect.any(String) });
    const id = pickString(audio, 'id');
    const info = await fixture.graph(`/${id}?phone_number_id=${PHONE}`);
    const file = await fetch(pickString(info.body, 'url'), {
      headers: { authorization: `Bearer ${TOKENS.whatsapp}` },
    });
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('ascii')).toBe('OggS');
    expect(createHash('sha256').update(bytes).digest('base64')).toBe(pick(audio, 'sha256'));
    expect((await fixture.graph(`/${id}`, { method: 'DELETE' })).body).toEqual({ success: true });
    expect(pick((await fixture.graph(`/${id}`)).body, 'error', 'code')).toBe(100);
  });
});
