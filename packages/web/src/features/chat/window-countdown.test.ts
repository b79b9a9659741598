import { describe, expect, it } from 'vitest';
import { windowNotice } from './window-countdown.ts';

const HOUR = 3_600_000;
const now = Date.UTC(2026, 2, 4, 12);

describe('the messaging window notice', () => {
  it('counts down the hours and minutes left of the 24-hour window', () => {
    expect(windowNotice('whatsapp', now - (2 * HOUR + 15 * 60_000), now)).toEqual({
      state: 'open',
      hours: 21,
      minutes: 45,
      urgent: false,
    });
    expect(windowNotice('messenger', now - 23.5 * HOUR, now)).toMatchObject({
      state: 'open',
      hours: 0,
      minutes: 30,
      urgent: true,
    });
  });

  it('offers a template on WhatsApp once the window has closed', () => {
    expect(windowNotice('whatsapp', now - 25 * HOUR, now)).toEqual({ state: 'template' });
    expect(windowNotice('whatsapp', null, now)).toEqual({ state: 'template' });
  });

  it('replies with the human-agent tag on Messenger and Instagram up to 7 days, then locks', () => {
    expect(windowNotice('instagram', now - 30 * HOUR, now)).toEqual({
      state: 'human_agent',
      days: 5,
      hours: 18,
    });
    expect(windowNotice('messenger', now - 8 * 24 * HOUR, now)).toEqual({ state: 'locked' });
  });
});
