import { afterEach, describe, expect, it } from 'vitest';
import { pick, type SandboxFixture, startSandboxFixture, TOKENS } from '../testing/sandbox.fixture.ts';

const PHONE = '106540352242922';
const PAGE = '1122334455667788';
const WABA = '102290129340398';

describe('Graph routing and access tokens', () => {
  let fixture: SandboxFixture;
  afterEach(() => fixture?.close());

  it('answers a wrong or missing token with OAuthException 190 on every product', async () => {
    fixture = await startSandboxFixture();
    const calls = [
      fixture.graph(`/${PHONE}/messages`, {
        token: 'wrong',
        json: { messaging_product: 'whatsapp', to: '+1', type: 'text' },
      }),
      fixture.graph(`/${WABA}/message_templates`, { token: null }),
      fixture.graph(`/${PAGE}/messages`, {
        token: TOKENS.whatsapp,
        json: { recipient: { id: '1' }, sender_action: 'typing_on' },
      }),
      fixture.graph('/me', { token: 'expired-token' }),
      fixture.graph(`/${PHONE}`, { token: TOKENS.page }),
    ];
    for (const answer of await Promise.all(calls)) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: {
          message: 'Invalid OAuth access token - Cannot parse access token',
          type: 'OAuthException',
          code: 190,
          fbtrace_id: expect.any(String),
        },
      });
    }
    expect(fixture.sandbox.sent.list()).toEqual([]);
  });

  it('accepts the token as an access_token query parameter', async () => {
    fixture = await startSandboxFixture();
    const answer = await fixture.graph(`/${PHONE}?fields=id&access_token=${TOKENS.whatsapp}`, {
      token: null,
    });
    expect(answer.body).toEqual({ id: PHONE });
  });

  it('honours a token configured per asset and rejects the old one', async () => {
    fixture = await startSandboxFixture();
    fixture.sandbox.assets.add({
      whatsapp: { phoneNumberId: PHONE, wabaId: WABA, displayPhone: '15550783881', token: 'rotated-token' },
    });
    expect((await fixture.graph(`/${PHONE}`)).status).toBe(401);
    expect((await fixture.graph(`/${PHONE}`, { token: 'rotated-token' })).status).toBe(200);
  });

  it('answers unknown objects with 100/33 and unknown edges with 2500', async () => {
    fixture = await startSandboxFixture();
    const unknown = await fixture.graph('/999999999999/messages', { json: {} });
    expect(pick(unknown.body, 'error')).toMatchObject({ code: 100, error_subcode: 33 });
    const edge = await fixture.graph(`/${PHONE}/nonsense`);
    expect(pick(edge.body, 'error')).toMatchObject({
      code: 2500,
      message: '(#2500) Unknown path components: /nonsense',
    });
  });

  it('answers a body that is not JSON with code 100', async () => {
    fixture = await startSandboxFixture();
    const res = await fetch(`${fixture.sandbox.graphUrl}/${PHONE}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKENS.whatsapp}`, 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(res.status).toBe(400);
    expect(pick(await res.json(), 'error', 'code')).toBe(100);
  });
});
