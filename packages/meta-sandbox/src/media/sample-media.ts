import { deflateSync } from 'node:zlib';

/** Kinds of file the sandbox can fabricate for simulated customers. */
export type SampleKind = 'jpeg' | 'png' | 'webp' | 'ogg' | 'mp4' | 'pdf';

/** A fabricated file: real magic bytes so content sniffing recognises it. */
export interface SampleFile {
  bytes: Buffer;
  mimeType: string;
  extension: string;
}

// An 8×8 grey baseline JPEG: one flat block, so the only coefficient is DC = 576 (category 10).
const JPEG = Buffer.from([
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  0x4a,
  0x46,
  0x49,
  0x46,
  0x00,
  0x01,
  0x01,
  0x00,
  0x00,
  0x01,
  0x00,
  0x01,
  0x00,
  0x00,
  0xff,
  0xdb,
  0x00,
  0x43,
  0x00,
  ...new Array<number>(64).fill(1),
  0xff,
  0xc0,
  0x00,
  0x0b,
  0x08,
  0x00,
  0x08,
  0x00,
  0x08,
  0x01,
  0x01,
  0x11,
  0x00,
  0xff,
  0xc4,
  0x00,
  0x14,
  0x00,
  0x01,
  ...new Array<number>(15).fill(0),
  0x0a,
  0xff,
  0xc4,
  0x00,
  0x14,
  0x10,
  0x01,
  ...new Array<number>(15).fill(0),
  0x00,
  0xff,
  0xda,
  0x00,
  0x08,
  0x01,
  0x01,
  0x00,
  0x00,
  0x3f,
  0x00,
  0x48,
  0x0f,
  0xff,
  0xd9,
]);

// A 1×1 lossless WebP (the image WebP feature detection commonly uses).
const WEBP = Buffer.from('UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==', 'base64');

const CRC32_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC32_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A solid-colour PNG, `size`×`size` pixels, colour given as `#rrggbb`. */
export function solidPng(color: string, size = 16): Buffer {
  const rgb = Buffer.from(color.replace('#', ''), 'hex');
  const row = Buffer.concat([Buffer.from([0]), ...new Array<Buffer>(size).fill(rgb)]);
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(new Array<Buffer>(size).fill(row)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const OGG_CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n << 24;
  for (let k = 0; k < 8; k++) c = c & 0x80000000 ? (c << 1) ^ 0x04c11db7 : c << 1;
  return c >>> 0;
});

function oggPage(headerType: number, granule: number, sequence: number, data: Buffer): Buffer {
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(headerType, 5);
  header.writeBigUInt64LE(BigInt(granule), 6);
  header.writeUInt32LE(0x43484152, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(1, 26);
  const page = Buffer.concat([header, Buffer.from([data.length]), data]);
  let crc = 0;
  for (const byte of page) crc = ((crc << 8) ^ (OGG_CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  page.writeUInt32LE(crc, 22);
  return page;
}

/** A 20 ms mono Ogg Opus voice note of silence (OpusHead, OpusTags, one CELT frame). */
function silentOpus(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.set([1, 1], 8);
  head.writeUInt16LE(312, 10);
  head.writeUInt32LE(48000, 12);
  const vendor = Buffer.from('charla-meta-sandbox', 'ascii');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  return Buffer.concat([
    oggPage(0x02, 0, 0, head),
    oggPage(0x00, 0, 1, tags),
    oggPage(0x04, 312 + 960, 2, Buffer.from([0xf8, 0xff, 0xfe])),
  ]);
}

/** An MP4 container header (ftyp + empty mdat): recognisable by sniffers, not playable. */
function mp4Header(): Buffer {
  const box = (type: string, payload: Buffer): Buffer => {
    const size = Buffer.alloc(4);
    size.writeUInt32BE(8 + payload.length);
    return Buffer.concat([size, Buffer.from(type, 'ascii'), payload]);
  };
  const ftyp = Buffer.concat([
    Buffer.from('isom', 'ascii'),
    Buffer.from([0, 0, 2, 0]),
    Buffer.from('isomiso2avc1mp41'),
  ]);
  return Buffer.concat([box('ftyp', ftyp), box('free', Buffer.alloc(0)), box('mdat', Buffer.alloc(0))]);
}

/** A one-page PDF showing `title` (ASCII only; other characters are dropped). */
export function onePagePdf(title: string): Buffer {
  const text = title.replace(/[^\x20-\x7e]/g, '').replace(/[()\\]/g, '');
  const stream = `BT /F1 18 Tf 24 72 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A fabricated file of the given kind; `label` titles PDFs and colours PNGs. */
export function sampleFile(kind: SampleKind, label = 'Charla'): SampleFile {
  switch (kind) {
    case 'jpeg':
      return { bytes: JPEG, mimeType: 'image/jpeg', extension: 'jpg' };
    case 'png':
      return { bytes: solidPng(colorFor(label)), mimeType: 'image/png', extension: 'png' };
    case 'webp':
      return { bytes: WEBP, mimeType: 'image/webp', extension: 'webp' };
    case 'ogg':
      return { bytes: silentOpus(), mimeType: 'audio/ogg; codecs=opus', extension: 'ogg' };
    case 'mp4':
      return { bytes: mp4Header(), mimeType: 'video/mp4', extension: 'mp4' };
    case 'pdf':
      return { bytes: onePagePdf(label), mimeType: 'application/pdf', extension: 'pdf' };
  }
}

/** A stable pleasant colour for a label (avatars get one colour per customer). */
export function colorFor(label: string): string {
  const palette = ['#25d366', '#1877f2', '#e1306c', '#f59e0b', '#8b5cf6', '#14b8a6', '#ef4444', '#64748b'];
  let hash = 0;
  for (const char of label) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return palette[hash % palette.length] ?? '#64748b';
}
