import type { Conversation, Member } from '@charla/contracts';
import type { Db } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';
import { appendEvent } from '../events/events.repo.ts';

/** One event to store in a test, described by what the hub filters on. */
export type TestEventSpec =
  | {
      kind: 'conversation';
      conversationId: string;
      /** The conversation's owner after the change (null: unassigned). */
      owner: string | null;
      previousOwner?: string | null;
      /** Pads the payload (to fill socket buffers). */
      padding?: number;
    }
  | { kind: 'member'; member: Member }
  | { kind: 'internal'; type: string };

/** A conversation as the contract shapes it, for events produced directly in tests. */
export function conversationFixture(id: string, ownerMemberId: string | null, padding = 0): Conversation {
  const now = Date.now();
  return {
    id,
    status: 'open',
    channel: { id: 'channel-1', type: 'whatsapp', name: 'Ventas' },
    customer: {
      id: `customer-of-${id}`,
      displayName: `Cliente ${id}${'·'.repeat(padding)}`,
      phone: '5215512345678',
      botEnabled: false,
      blocked: false,
      tags: [],
    },
    assignee: ownerMemberId ? { id: ownerMemberId, name: 'Agente' } : null,
    lastMessage: null,
    unreadCount: 0,
    lastActivityAt: now,
    lastInboundAt: now,
    createdAt: now,
    pendingReminder: false,
  };
}

/**
 * Stores events of a workspace in one transaction, the way commands do, and returns their ids
 * in order.
 */
export async function appendTestEvents(
  db: Db,
  workspaceId: string,
  specs: TestEventSpec[],
): Promise<number[]> {
  return inTransaction(db, async (trx) => {
    const ids: number[] = [];
    for (const spec of specs) {
      const createdAt = Date.now();
      switch (spec.kind) {
        case 'conversation':
          ids.push(
            await appendEvent(trx, db.engine, {
              workspaceId,
              type: 'conversation.updated',
              conversationId: spec.conversationId,
              ownerMemberId: spec.owner,
              previousOwnerMemberId: spec.previousOwner ?? null,
              payload: { conversation: conversationFixture(spec.conversationId, spec.owner, spec.padding) },
              createdAt,
            }),
          );
          break;
        case 'member':
          ids.push(
            await appendEvent(trx, db.engine, {
              workspaceId,
              type: 'member.updated',
              payload: { member: spec.member },
              createdAt,
            }),
          );
          break;
        case 'internal':
          ids.push(
            await appendEvent(trx, db.engine, { workspaceId, type: spec.type, payload: {}, createdAt }),
          );
          break;
      }
    }
    return ids;
  });
}

/** Stores one event; returns its id. */
export async function appendTestEvent(db: Db, workspaceId: string, spec: TestEventSpec): Promise<number> {
  const [id] = await appendTestEvents(db, workspaceId, [spec]);
  if (id === undefined) throw new Error('no event id returned');
  return id;
}
