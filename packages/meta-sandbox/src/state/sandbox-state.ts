import { EventEmitter } from 'node:events';
import type { Operation } from '../graph/graph-operation.ts';

/** A customer known on a WhatsApp number. */
export interface WhatsAppContact {
  waId: string;
  name: string;
  locale?: 'es' | 'en';
  /** Epoch ms of the last inbound message (opens the 24 h window). */
  lastInboundAt?: number;
  lastInboundMessageId?: string;
}

/** A customer known on a Page or Instagram account (PSID or IGSID). */
export interface MessagingCustomer {
  id: string;
  channel: 'messenger' | 'instagram';
  /** Page id or Instagram account id. */
  assetId: string;
  firstName: string;
  lastName: string;
  username: string;
  locale?: 'es' | 'en';
  lastInboundAt?: number;
  lastInboundMessageId?: string;
}

/** A comment the sandbox knows, written by a customer or by the business. */
export interface CommentRecord {
  id: string;
  channel: 'facebook' | 'instagram';
  /** Page id or Instagram account id. */
  assetId: string;
  authorId: string;
  authorName: string;
  /** Facebook post id or Instagram media id. */
  parentObjectId: string;
  parentCommentId?: string;
  text: string;
  createdAt: number;
  hidden: boolean;
  deleted: boolean;
  privateReplyMessageId?: string;
}

/** An inbound message a simulated customer sent, so marks-as-read and reactions can find it. */
export interface InboundMessageRecord {
  id: string;
  channel: 'whatsapp' | 'messenger' | 'instagram';
  assetId: string;
  customerId: string;
  at: number;
}

/** One call the sandbox accepted (a send, an upload, a comment action…). */
export interface SentRecord {
  /** The id returned to the caller (wamid, mid, comment id, media id) or a generated one. */
  id: string;
  channel: 'whatsapp' | 'messenger' | 'instagram';
  operation: Operation;
  /** Phone-number id, Page id or Instagram account id. */
  assetId: string;
  /** wa_id, PSID, IGSID or comment id; null for calls without a recipient. */
  recipient: string | null;
  /** The validated request parameters, as received. */
  payload: unknown;
  /** Epoch ms. */
  at: number;
  /** True when the fault `drop-response` destroyed the connection instead of answering. */
  responseDropped: boolean;
}

/** Filter for the sent log. */
export interface SentFilter {
  channel?: SentRecord['channel'];
  operation?: Operation;
  recipient?: string;
  assetId?: string;
  /** Only records at or after this epoch ms. */
  since?: number;
}

/** Everything the sandbox remembers between calls; `reset()` forgets it. */
export class SandboxState {
  readonly waContacts = new Map<string, Map<string, WhatsAppContact>>();
  readonly messagingCustomers = new Map<string, MessagingCustomer>();
  readonly comments = new Map<string, CommentRecord>();
  readonly blockedUsers = new Map<string, Set<string>>();
  readonly inboundMessages = new Map<string, InboundMessageRecord>();
  /** Subscribed webhook fields per WABA, Page or Instagram account (`subscribed_apps`). */
  readonly subscriptions = new Map<string, string[]>();
  private sentLog: SentRecord[] = [];
  private readonly events = new EventEmitter().setMaxListeners(0);

  /** The contacts of one WhatsApp number, created on first use. */
  contactsOf(phoneNumberId: string): Map<string, WhatsAppContact> {
    let contacts = this.waContacts.get(phoneNumberId);
    if (!contacts) {
      contacts = new Map();
      this.waContacts.set(phoneNumberId, contacts);
    }
    return contacts;
  }

  /** The blocked wa_ids of one WhatsApp number, created on first use. */
  blockedOf(phoneNumberId: string): Set<string> {
    let blocked = this.blockedUsers.get(phoneNumberId);
    if (!blocked) {
      blocked = new Set();
      this.blockedUsers.set(phoneNumberId, blocked);
    }
    return blocked;
  }

  /** Appends to the sent log and wakes `waitForSent` callers. */
  recordSent(record: SentRecord): void {
    this.sentLog.push(record);
    this.events.emit('sent', record);
  }

  /** The sent log, oldest first, optionally filtered. */
  sent(filter: SentFilter = {}): SentRecord[] {
    return this.sentLog.filter(
      (r) =>
        (filter.channel === undefined || r.channel === filter.channel) &&
        (filter.operation === undefined || r.operation === filter.operation) &&
        (filter.recipient === undefined || r.recipient === filter.recipient) &&
        (filter.assetId === undefined || r.assetId === filter.assetId) &&
        (filter.since === undefined || r.at >= filter.since),
    );
  }

  /** Resolves with the first sent record (already logged or future) matching `predicate`. */
  waitForSent(predicate: (record: SentRecord) => boolean, timeoutMs = 5000): Promise<SentRecord> {
    const existing = this.sentLog.find(predicate);
    if (existing) return Promise.resolve(existing);
    return new Promise((resolve, reject) => {
      const onSent = (record: SentRecord): void => {
        if (!predicate(record)) return;
        clearTimeout(timer);
        this.events.off('sent', onSent);
        resolve(record);
      };
      const timer = setTimeout(() => {
        this.events.off('sent', onSent);
        reject(new Error(`No matching send within ${timeoutMs} ms`));
      }, timeoutMs);
      this.events.on('sent', onSent);
    });
  }

  /** The most recent business message sent to a customer, for simulated reactions and replies. */
  lastSentTo(recipient: string): SentRecord | undefined {
    for (let i = this.sentLog.length - 1; i >= 0; i--) {
      const record = this.sentLog[i];
      if (record && record.recipient === recipient && record.operation.endsWith('.send')) return record;
    }
    return undefined;
  }

  /** Forgets customers, comments, blocks and the sent log. */
  reset(): void {
    this.waContacts.clear();
    this.messagingCustomers.clear();
    this.comments.clear();
    this.blockedUsers.clear();
    this.inboundMessages.clear();
    this.subscriptions.clear();
    this.sentLog = [];
  }
}
