import { afterEach, describe, expect, it } from 'vitest';
import type { InboundInput } from '../inbound/inbound-input.schema.ts';
import { parsed, type SandboxFixture, startSandboxFixture } from '../testing/sandbox.fixture.ts';
import { createCustomerSimulator } from './customer-simulator.ts';

describe('customer simulator', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('produces webhooks valid on the wire for WhatsApp, Messenger, Instagram and comments', async () => {
    fixture = await startSandboxFixture();
    const report = await fixture.sandbox
      .simulator({ count: 120, ratePerSecond: 100_000, seed: 7, customers: 12 })
      .run();
    await fixture.sandbox.idle();
    expect(report).toMatchObject({ sent: 120, failed: 0 });
    expect(fixture.receiver.received).toHaveLength(120);
    const envelopes = fixture.receiver.received.map(parsed);
    expect(new Set(envelopes.map((e) => e.object))).toEqual(
      new Set(['whatsapp_business_account', 'page', 'instagram']),
    );
    expect(fixture.receiver.received.every((w) => w.signatureValid)).toBe(true);
    expect(Object.keys(report.byType)).toEqual(expect.arrayContaining(['text', 'image', 'comment']));
  });

  it('writes as Spanish- and English-speaking customers from several countries', () => {
    const simulator = createCustomerSimulator(async () => {}, {
      seed: 3,
      customers: 40,
      channels: ['whatsapp'],
    });
    const actions: InboundInput[] = Array.from({ length: 300 }, () => simulator.next());
    const names = actions.map((a) => a.name ?? '');
    const phones = actions.map((a) => a.from ?? '');
    expect(names.some((n) => /[áéíóúñÁÉÍÓÚÑ]/.test(n))).toBe(true);
    expect(new Set(actions.map((a) => a.locale))).toEqual(new Set(['es', 'en']));
    const countries = new Set(
      phones.map((p) => ['521', '549', '57', '569', '519', '5939', '1'].find((c) => p.startsWith(c))),
    );
    expect(countries.size).toBeGreaterThanOrEqual(4);
    expect(countries.has('1')).toBe(true);
    expect(actions.some((a) => a.type !== 'text')).toBe(true);
  });

  it('sends the requested number of actions and stops an open-ended run on demand', async () => {
    const seen: InboundInput[] = [];
    const counted = createCustomerSimulator(
      async (input) => {
        seen.push(input);
      },
      { count: 15, ratePerSecond: 10_000 },
    );
    expect((await counted.run()).sent).toBe(15);
    expect(seen).toHaveLength(15);

    let calls = 0;
    const open = createCustomerSimulator(
      async () => {
        calls++;
        if (calls === 5) open.stop();
      },
      { ratePerSecond: 10_000, channels: ['instagram'] },
    );
    const report = await open.run();
    expect(report.sent).toBe(5);
    expect(report.byChannel).toEqual({ whatsapp: 0, messenger: 0, instagram: 5 });
  });
});
