import { CONVERSATION_STATUSES, type ConversationStatus } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import {
  isManualMoveAllowed,
  statusAfterInbound,
  statusAfterMemberReply,
  statusAfterOpened,
} from './conversation-status.ts';

describe('the conversation status machine', () => {
  it('allows exactly the forward moves and resolved → pending by hand', () => {
    const allowed: string[] = [];
    for (const from of CONVERSATION_STATUSES) {
      for (const to of CONVERSATION_STATUSES) {
        if (isManualMoveAllowed(from, to)) allowed.push(`${from}→${to}`);
      }
    }
    expect(allowed.sort()).toEqual(
      [
        'new→open',
        'new→pending',
        'new→resolved',
        'open→pending',
        'open→resolved',
        'pending→resolved',
        'resolved→pending',
      ].sort(),
    );
  });

  it('moves new to open when a member opens it, and leaves the rest', () => {
    const after = CONVERSATION_STATUSES.map((status) => statusAfterOpened(status));
    expect(after).toEqual(['open', 'open', 'pending', 'resolved'] satisfies ConversationStatus[]);
  });

  it('moves new and open to pending on a member reply', () => {
    expect(CONVERSATION_STATUSES.map(statusAfterMemberReply)).toEqual([
      'pending',
      'pending',
      'pending',
      'resolved',
    ]);
  });

  it('reopens a resolved conversation as new when the customer writes, unless blocked', () => {
    expect(statusAfterInbound('resolved', false)).toBe('new');
    expect(statusAfterInbound('resolved', true)).toBe('resolved');
    expect(statusAfterInbound('pending', false)).toBe('pending');
  });
});
