import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  callAs,
  createAnotherWorkspace,
  createTestApp,
  multipartFile,
  setUpWorkspace,
  type TestApp,
  type TestSession,
} from '../testing/index.ts';

let t: TestApp;
let admin: TestSession;

beforeEach(async () => {
  t = await createTestApp();
  admin = await setUpWorkspace(t.app);
});
afterEach(async () => t.close());

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 7),
]);

async function save(who: TestSession, body: object) {
  return callAs(t, who, 'POST', '/quick-replies', body);
}

const shortcuts = async (who: TestSession, q = '') =>
  (await callAs(t, who, 'GET', `/quick-replies${q ? `?q=${encodeURIComponent(q)}` : ''}`))
    .json()
    .items.map((item: { shortcut: string }) => item.shortcut);

describe('quick replies', () => {
  it('saves a reply with a file, and finds it by shortcut, title or text without accents', async () => {
    const { payload, contentType } = await multipartFile(PNG, 'catalogo.png');
    const media = (
      await t.app.inject(
        as(admin, {
          method: 'POST',
          url: '/api/v1/media',
          payload,
          headers: { 'content-type': contentType },
        }),
      )
    ).json();
    const created = await save(admin, {
      shortcut: '/envios',
      title: 'Envíos a todo México',
      text: 'Hacemos envíos a toda la República en 48 h.',
      mediaId: media.id,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      shortcut: 'envios',
      scope: 'personal',
      ownerMemberId: admin.me.member.id,
      media: { id: media.id, mimeType: 'image/png', url: `/api/v1/media/${media.id}` },
    });
    await save(admin, {
      shortcut: 'horario',
      title: 'Horario',
      text: 'Abrimos de 9 a 18 h, de lunes a sábado.',
    });

    expect(await shortcuts(admin)).toEqual(['envios', 'horario']);
    expect(await shortcuts(admin, 'ENVIO')).toEqual(['envios']);
    expect(await shortcuts(admin, 'república')).toEqual(['envios']);
    expect(await shortcuts(admin, 'sabado')).toEqual(['horario']);
    expect(await shortcuts(admin, 'nada')).toEqual([]);
    await save(admin, { shortcut: 'descuento', title: 'Descuento', text: 'Tienes 10% de descuento' });
    expect(await shortcuts(admin, '10%')).toEqual(['descuento']);
    expect(await shortcuts(admin, '%')).toEqual(['descuento']);
  });

  it('names bad fields and refuses a shortcut already used in the same scope', async () => {
    const spaces = await save(admin, { shortcut: 'dos palabras', title: 'x', text: 'y' });
    expect(spaces.json().error.fields[0].field).toBe('body.shortcut');
    const noText = await save(admin, { shortcut: 'hola', title: 'Hola' });
    expect(noText.json().error.fields[0].field).toBe('body.text');
    const unknownFile = await save(admin, { shortcut: 'hola', title: 'Hola', text: 'Hola', mediaId: 'nope' });
    expect(unknownFile.json().error).toMatchObject({
      code: 'MEDIA_NOT_FOUND',
      fields: [{ field: 'body.mediaId' }],
    });
    expect((await save(admin, { shortcut: 'hola', title: 'Hola', text: 'Hola' })).statusCode).toBe(201);
    const again = await save(admin, { shortcut: 'hola', title: 'Otra', text: 'Otra' });
    expect(again.json().error).toMatchObject({
      code: 'QUICK_REPLY_SHORTCUT_TAKEN',
      fields: [{ field: 'body.shortcut' }],
    });
    expect(await shortcuts(admin)).toEqual(['hola']);
  });

  it('keeps personal replies to their owner; shared ones are made and changed by admins and supervisors', async () => {
    const luis = await addMember(t.app, admin, 'agent', { name: 'Luis' });
    const sofia = await addMember(t.app, admin, 'agent', { name: 'Sofía' });
    const supervisor = await addMember(t.app, admin, 'supervisor');

    const mine = (await save(luis, { shortcut: 'saludo', title: 'Saludo', text: 'Hola, soy Luis' })).json();
    expect((await save(luis, { shortcut: 'todos', title: 'x', text: 'y', scope: 'shared' })).statusCode).toBe(
      403,
    );
    const shared = (
      await save(supervisor, { shortcut: 'gracias', title: 'Gracias', text: '¡Gracias!', scope: 'shared' })
    ).json();
    expect(shared).toMatchObject({ scope: 'shared', ownerMemberId: null });

    expect(await shortcuts(luis)).toEqual(['gracias', 'saludo']);
    expect(await shortcuts(sofia)).toEqual(['gracias']);
    expect(
      (await callAs(t, sofia, 'PATCH', `/quick-replies/${mine.id}`, { text: 'Soy Sofía' })).statusCode,
    ).toBe(404);
    expect((await callAs(t, admin, 'DELETE', `/quick-replies/${mine.id}`)).statusCode).toBe(404);
    expect((await callAs(t, luis, 'PATCH', `/quick-replies/${shared.id}`, { text: 'Chao' })).statusCode).toBe(
      403,
    );

    const edited = await callAs(t, luis, 'PATCH', `/quick-replies/${mine.id}`, {
      text: 'Hola, soy Luis de Ventas',
    });
    expect(edited.json().text).toBe('Hola, soy Luis de Ventas');
    expect(await shortcuts(luis, 'ventas')).toEqual(['saludo']);
    expect(
      (await callAs(t, admin, 'PATCH', `/quick-replies/${shared.id}`, { title: 'Agradecer' })).json().title,
    ).toBe('Agradecer');
    expect((await callAs(t, admin, 'DELETE', `/quick-replies/${shared.id}`)).statusCode).toBe(204);
    expect(await shortcuts(sofia)).toEqual([]);
  });

  it('keeps each workspace’s replies to itself', async () => {
    const shared = (
      await save(admin, { shortcut: 'hola', title: 'Hola', text: 'Hola', scope: 'shared' })
    ).json();
    const outsider = await createAnotherWorkspace(t.app, t.db);
    expect(await shortcuts(outsider)).toEqual([]);
    expect((await callAs(t, outsider, 'DELETE', `/quick-replies/${shared.id}`)).statusCode).toBe(404);
  });
});
