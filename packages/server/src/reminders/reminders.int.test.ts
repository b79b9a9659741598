import type { Conversation, Message, Reminder } from '@charla/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelRow } from '../channels/channels.repo.ts';
import {
  addMember,
  as,
  createAnotherWorkspace,
  createChannel,
  createTemplate,
  createTestApp,
  customerWrites,
  setUpWorkspace,
  type TestApp,
  type TestSession,
  uploadFile,
} from '../testing/index.ts';

const HOUR = 3_600_000;
/** Mexico City has kept UTC−6 all year since 2022. */
const MEXICO_CITY_OFFSET = 6 * HOUR;
/** 2026-03-30 09:00 in Mexico City. */
const START = Date.UTC(2026, 2, 30, 9) + MEXICO_CITY_OFFSET;

let t: TestApp;
let admin: TestSession;
let whatsapp: ChannelRow;
let customerId: string;
let conversationId: string;
const others: TestApp[] = [];

beforeEach(async () => {
  t = await createTestApp();
  t.clock.set(START);
  admin = await setUpWorkspace(t.app);
  whatsapp = await createChannel(t.db, admin.me.workspace.id, 'whatsapp', 'Ventas');
  await createTemplate(t.db, whatsapp, {
    name: 'cita',
    language: 'es_MX',
    body: 'Hola {{1}}, te esperamos el {{2}}.',
  });
  ({ conversationId } = await customerWrites(t.db, whatsapp, {
    from: '5215512345678',
    profileName: 'Mariana López',
    at: t.clock.now(),
  }));
  customerId = (await row(admin)).customer.id;
});
afterEach(async () => {
  for (const other of others.splice(0)) await other.app.close();
  await t.close();
});

async function row(session: TestSession): Promise<Conversation> {
  return (await t.app.inject(as(session, { url: `/api/v1/conversations/${conversationId}` }))).json();
}

function schedule(session: TestSession, body: Record<string, unknown>, customer = customerId) {
  return t.app.inject(
    as(session, { method: 'POST', url: `/api/v1/customers/${customer}/reminders`, payload: body }),
  );
}

const notify = { type: 'notify', text: 'Llamar para confirmar la cita' };
const template = (variables: string[], name = 'cita') => ({
  type: 'template',
  template: { name, language: 'es_MX', variables },
});

async function reminder(id: string): Promise<Reminder> {
  const list = (await t.app.inject(as(admin, { url: `/api/v1/customers/${customerId}/reminders` }))).json();
  return list.items.find((item: Reminder) => item.id === id);
}

async function dueEvents(session: TestSession) {
  const events = (await t.app.inject(as(session, { url: '/api/v1/events?after=0&limit=1000' }))).json();
  return events.items.filter((event: { type: string }) => event.type === 'reminder.due');
}

async function thread(): Promise<Message[]> {
  return (await t.app.inject(as(admin, { url: `/api/v1/conversations/${conversationId}/messages` }))).json()
    .items;
}

describe('scheduling', () => {
  it("reads the time in the workspace's time zone and marks the customer's list row", async () => {
    const response = await schedule(admin, { at: '2026-03-31T09:30', action: notify });
    expect(response.statusCode).toBe(201);
    const created = response.json<Reminder>();
    expect(created).toMatchObject({
      status: 'scheduled',
      at: '2026-03-31T09:30',
      timeZone: 'America/Mexico_City',
      runAt: Date.UTC(2026, 2, 31, 9, 30) + MEXICO_CITY_OFFSET,
      createdBy: { id: admin.me.member.id },
    });
    expect((await row(admin)).pendingReminder).toBe(true);

    const madrid = await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: '/api/v1/workspace/time-zone',
        payload: { timeZone: 'Europe/Madrid' },
      }),
    );
    expect(madrid.statusCode).toBe(200);
    const inMadrid = (await schedule(admin, { at: '2026-03-31T09:30', action: notify })).json<Reminder>();
    // Madrid is on summer time (UTC+2) by 31 March 2026.
    expect(inMadrid.runAt).toBe(Date.UTC(2026, 2, 31, 7, 30));
  });

  it('bad input names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ at: '2026-03-30T08:59', action: notify }, 'body.at'],
      [{ at: '31/03/2026 09:30', action: notify }, 'body.at'],
      [{ at: '2026-02-30T09:30', action: notify }, 'body.at'],
      [{ at: '2026-03-31T09:30', action: { type: 'notify', text: '' } }, 'body.action.text'],
      [{ at: '2026-03-31T09:30', action: template(['Mariana']) }, 'body.action.template.variables'],
      [{ at: '2026-03-31T09:30', action: template(['a', 'b'], 'no_existe') }, 'body.action.template.name'],
      [
        { at: '2026-03-31T09:30', action: { ...template(['a', 'b']), channelId: 'nope' } },
        'body.action.channelId',
      ],
    ];
    for (const [body, field] of cases) {
      const response = await schedule(admin, body);
      expect(response.statusCode, field).toBeGreaterThanOrEqual(400);
      expect(
        response.json().error.fields.map((f: { field: string }) => f.field),
        field,
      ).toContain(field);
    }
    const zone = await t.app.inject(
      as(admin, { method: 'PUT', url: '/api/v1/workspace/time-zone', payload: { timeZone: 'Mars/Olympus' } }),
    );
    expect(zone.json().error.fields[0].field).toBe('body.timeZone');
  });

  it('a template not approved is refused when scheduling', async () => {
    await createTemplate(t.db, whatsapp, {
      name: 'promo',
      language: 'es_MX',
      body: 'Oferta',
      status: 'PAUSED',
    });
    const response = await schedule(admin, { at: '2026-03-31T09:30', action: template([], 'promo') });
    expect(response.json().error).toMatchObject({
      code: 'TEMPLATE_NOT_APPROVED',
      fields: [{ field: 'body.action.template.name', message: 'is PAUSED' }],
    });
  });
});

describe('firing', () => {
  it('a notify reminder fires once at its time, not before, for the owner', async () => {
    const created = (await schedule(admin, { at: '2026-03-31T09:30', action: notify })).json<Reminder>();
    t.clock.set(created.runAt - 60_000);
    await t.deps.worker.drain();
    expect((await reminder(created.id)).status).toBe('scheduled');
    expect(await dueEvents(admin)).toEqual([]);

    t.clock.set(created.runAt);
    await t.deps.worker.drain();
    t.clock.advance(HOUR);
    await t.deps.worker.drain();
    expect((await reminder(created.id)).status).toBe('sent');
    const due = await dueEvents(admin);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({
      memberId: admin.me.member.id,
      reminder: { id: created.id, status: 'sent' },
    });
    expect((await row(admin)).pendingReminder).toBe(false);
  });

  it('a template reminder sends through the send path once, as the member who scheduled it', async () => {
    const created = (
      await schedule(admin, { at: '2026-03-31T09:30', action: template(['Mariana', 'martes']) })
    ).json<Reminder>();
    t.clock.set(created.runAt + 1);
    await t.deps.worker.drain();
    await t.deps.worker.drain();

    const fired = await reminder(created.id);
    expect(fired.status).toBe('sent');
    const sent = (await thread()).filter((message) => message.kind === 'template');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      id: fired.messageId,
      text: 'Hola Mariana, te esperamos el martes.',
      author: { type: 'member', memberId: admin.me.member.id },
    });
    expect(t.sender.sent).toHaveLength(1);
  });

  it('a template with an image header keeps its picture until it fires, and is refused without one', async () => {
    await createTemplate(t.db, whatsapp, {
      name: 'pedido_listo',
      language: 'es_MX',
      body: 'Hola {{1}}, tu pedido está listo.',
      mediaHeader: 'IMAGE',
    });
    const withPicture = (headerMediaId?: string) => ({
      type: 'template',
      template: { name: 'pedido_listo', language: 'es_MX', variables: ['Mariana'], headerMediaId },
    });
    const refused = await schedule(admin, { at: '2026-03-31T09:30', action: withPicture() });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([
      {
        field: 'body.action.template.headerMediaId',
        message: 'is required: the template has an image header',
      },
    ]);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64, 3),
    ]);
    const picture = (await uploadFile(t.app, admin, png, 'pedido.png')).json();
    const created = (
      await schedule(admin, { at: '2026-03-31T09:30', action: withPicture(picture.id) })
    ).json<Reminder>();
    expect(created.action).toMatchObject({ template: { headerMediaId: picture.id } });
    t.clock.set(created.runAt + 1);
    await t.deps.worker.drain();
    await t.deps.worker.drain();

    expect((await reminder(created.id)).status).toBe('sent');
    const [sent] = (await thread()).filter((message) => message.kind === 'template');
    expect(sent).toMatchObject({
      content: { kind: 'template', name: 'pedido_listo', mediaHeader: 'image' },
      attachments: [{ mediaId: picture.id, mimeType: 'image/png' }],
    });
  });

  it('survives a restart: another node on the same database fires it at its time, and only once', async () => {
    const created = (
      await schedule(admin, { at: '2026-03-31T09:30', action: template(['Mariana', 'martes']) })
    ).json<Reminder>();
    // The first node goes away before the time; a new one starts on the same database.
    await t.deps.worker.stop();
    const restarted = await createTestApp({}, { sameDatabaseAs: t });
    others.push(restarted);
    restarted.clock.set(created.runAt - 1);
    await restarted.deps.worker.drain();
    expect((await reminder(created.id)).status).toBe('scheduled');

    restarted.clock.set(created.runAt + 5 * 60_000);
    await restarted.deps.worker.drain();
    t.clock.set(created.runAt + 10 * 60_000);
    await t.deps.worker.drain();
    await restarted.deps.worker.drain();

    expect((await reminder(created.id)).status).toBe('sent');
    expect((await thread()).filter((message) => message.kind === 'template')).toHaveLength(1);
    expect(restarted.sender.sent.length + t.sender.sent.length).toBe(1);
  });

  it('a cancelled reminder never fires, and cannot be cancelled twice', async () => {
    const created = (await schedule(admin, { at: '2026-03-31T09:30', action: notify })).json<Reminder>();
    const cancel = () =>
      t.app.inject(as(admin, { method: 'POST', url: `/api/v1/reminders/${created.id}/cancel` }));
    expect((await cancel()).json<Reminder>().status).toBe('cancelled');
    expect((await cancel()).statusCode).toBe(409);
    expect((await row(admin)).pendingReminder).toBe(false);
    t.clock.set(created.runAt + 1);
    await t.deps.worker.drain();
    expect((await reminder(created.id)).status).toBe('cancelled');
    expect(await dueEvents(admin)).toEqual([]);
  });

  it('fails with the reason when the template is no longer approved at its time', async () => {
    const created = (
      await schedule(admin, { at: '2026-03-31T09:30', action: template(['Mariana', 'martes']) })
    ).json<Reminder>();
    await t.db.kysely
      .updateTable('message_templates')
      .set({ status: 'PAUSED' })
      .where('name', '=', 'cita')
      .execute();
    t.clock.set(created.runAt + 1);
    await t.deps.worker.drain();
    const failed = await reminder(created.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toContain('PAUSED');
    expect(failed.failureCode).toBe('TEMPLATE_NOT_APPROVED');
    expect((await thread()).filter((message) => message.kind === 'template')).toEqual([]);
    expect((await row(admin)).pendingReminder).toBe(false);
  });
});

describe('who sees reminders', () => {
  it('agents see reminders of customers they can see; another workspace sees none', async () => {
    const luis = await addMember(t.app, admin, 'agent');
    const sofia = await addMember(t.app, admin, 'agent');
    await t.app.inject(
      as(admin, {
        method: 'PUT',
        url: `/api/v1/conversations/${conversationId}/assignee`,
        payload: { memberId: sofia.me.member.id },
      }),
    );
    const created = (await schedule(sofia, { at: '2026-03-31T09:30', action: notify })).json<Reminder>();
    const list = async (session: TestSession, query = '') =>
      (await t.app.inject(as(session, { url: `/api/v1/reminders${query}` })))
        .json()
        .items.map((r: Reminder) => r.id);
    expect(await list(sofia, '?status=scheduled')).toEqual([created.id]);
    expect(await list(sofia, '?status=sent')).toEqual([]);
    expect(await list(admin)).toEqual([created.id]);
    expect(await list(luis)).toEqual([]);
    expect((await schedule(luis, { at: '2026-03-31T09:30', action: notify })).statusCode).toBe(404);
    const luisCancels = await t.app.inject(
      as(luis, { method: 'POST', url: `/api/v1/reminders/${created.id}/cancel` }),
    );
    expect(luisCancels.statusCode).toBe(404);

    const other = await createAnotherWorkspace(t.app, t.db);
    expect(await list(other)).toEqual([]);
    const otherCancels = await t.app.inject(
      as(other, { method: 'POST', url: `/api/v1/reminders/${created.id}/cancel` }),
    );
    expect(otherCancels.statusCode).toBe(404);
    const supervisor = await addMember(t.app, admin, 'supervisor');
    const supervisorSends = await schedule(supervisor, {
      at: '2026-03-31T09:30',
      action: template(['a', 'b']),
    });
    expect(supervisorSends.statusCode).toBe(403);

    // The owner gets the notification when it comes due; an agent who cannot see the customer does not.
    t.clock.set(created.runAt);
    await t.deps.worker.drain();
    expect((await dueEvents(sofia))[0]?.memberId).toBe(sofia.me.member.id);
    expect(await dueEvents(luis)).toEqual([]);
  });
});
