import { describe, expect, it } from 'vitest';
import { aMessage, anOutboundMessage } from './message.factory.ts';
import { buildThreadRows, mergeMessages, PENDING_ID_PREFIX, startOfLocalDay } from './thread-rows.ts';

const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute).getTime();

describe('thread rows', () => {
  it('puts a day separator before the first message of each local day', () => {
    const rows = buildThreadRows([
      aMessage({ createdAt: at(3, 23, 50) }),
      aMessage({ createdAt: at(4, 0, 5) }),
      aMessage({ createdAt: at(4, 9) }),
    ]);
    expect(rows.map((row) => row.type)).toEqual(['day', 'message', 'day', 'message', 'message']);
    const days = rows.flatMap((row) => (row.type === 'day' ? [row.dayStart] : []));
    expect(days).toEqual([startOfLocalDay(at(3, 12)), startOfLocalDay(at(4, 12))]);
  });

  it('groups consecutive messages of one author and starts a new group on a pause or a new author', () => {
    const rows = buildThreadRows([
      aMessage({ createdAt: at(4, 9, 0) }),
      aMessage({ createdAt: at(4, 9, 1) }),
      anOutboundMessage('read', { createdAt: at(4, 9, 2) }),
      anOutboundMessage('read', { createdAt: at(4, 9, 30) }),
    ]);
    const starts = rows.flatMap((row) => (row.type === 'message' ? [row.firstOfGroup] : []));
    expect(starts).toEqual([true, false, true, true]);
  });

  it('shows a reaction on its message rather than as a row, unless the message is not loaded', () => {
    const target = aMessage({ createdAt: at(4, 9) });
    const onLoaded = aMessage({
      kind: 'reaction',
      content: { kind: 'reaction', emoji: '👍', targetMessageId: target.id },
      createdAt: at(4, 9, 1),
    });
    const onOlder = aMessage({
      kind: 'reaction',
      content: { kind: 'reaction', emoji: '❤️', targetMessageId: 'not-loaded' },
      createdAt: at(4, 9, 2),
    });
    const ids = buildThreadRows([target, onLoaded, onOlder]).flatMap((row) =>
      row.type === 'message' ? [row.message.id] : [],
    );
    expect(ids).toEqual([target.id, onOlder.id]);
  });
});

describe('merging pages and live messages', () => {
  it("replaces the optimistic copy with the server's and never the other way round", () => {
    const optimistic = anOutboundMessage('queued', { id: `${PENDING_ID_PREFIX}a`, clientId: 'web-a' });
    const stored = anOutboundMessage('sent', {
      id: 'srv-1',
      clientId: 'web-a',
      createdAt: optimistic.createdAt,
    });
    expect(mergeMessages([optimistic], [stored])).toEqual([stored]);
    expect(mergeMessages([stored], [optimistic])).toEqual([stored]);
  });

  it('keeps the later delivery state when an older copy arrives late', () => {
    const read = anOutboundMessage('read', { id: 'srv-2', updatedAt: 2_000 });
    const sent = {
      ...read,
      delivery: { state: 'sent' as const, errorCode: null, errorReason: null },
      updatedAt: 1_000,
    };
    expect(mergeMessages([read], [sent])[0]?.delivery?.state).toBe('read');
  });

  it('orders an older page before the loaded messages, one copy each', () => {
    const newer = aMessage({ createdAt: at(4, 10) });
    const older = aMessage({ createdAt: at(4, 8) });
    expect(mergeMessages([newer], [older, newer]).map((message) => message.id)).toEqual([older.id, newer.id]);
  });
});
