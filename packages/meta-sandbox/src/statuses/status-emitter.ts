import type { InstagramAsset, MessengerAsset, WhatsAppAsset } from '../assets/asset-registry.ts';
import {
  buildMessagingEvent,
  type MessagingAttachment,
  messagingEnvelope,
} from '../messaging/messaging-inbound.builder.ts';
import type { IdleTracker } from '../platform/idle-tracker.ts';
import type { RandomSource } from '../platform/random.ts';
import type { TimerScope } from '../platform/timer-scope.ts';
import type { WebhookSender } from '../webhooks/webhook.sender.ts';
import type { WebhookEnvelope } from '../webhooks/webhook-envelope.ts';
import {
  buildWhatsAppStatus,
  type PricingCategory,
  whatsappStatusEnvelope,
} from '../whatsapp/whatsapp-status.builder.ts';
import { type StatusPlan, statesUpTo } from './status-plan.ts';

/** A WhatsApp send the Graph stand-in accepted. */
export interface AcceptedWhatsAppSend {
  asset: WhatsAppAsset;
  messageId: string;
  recipientId: string;
  acceptedAtMs: number;
  bizOpaqueCallbackData?: string;
  category: PricingCategory;
  free: boolean;
  /** Graph v24+ omits `conversation` from statuses. */
  includeConversation: boolean;
  conversationId: string;
  /** An asynchronous failure decided at send time (131047, 131026, 131053…). */
  failure?: { code: number; details?: string };
}

/** A Messenger or Instagram send the Graph stand-in accepted. */
export interface AcceptedMessagingSend {
  asset: MessengerAsset | InstagramAsset;
  messageId: string;
  customerId: string;
  acceptedAtMs: number;
  echo: { text?: string; attachments?: MessagingAttachment[]; metadata?: string };
}

interface Step {
  label: string;
  envelope: WebhookEnvelope;
}

interface EmitterDeps {
  sender: WebhookSender;
  timers: TimerScope;
  tracker: IdleTracker;
  random: RandomSource;
  clock: () => number;
}

/** Turns each accepted send into the status webhooks its plan calls for, and delivers them. */
export class StatusEmitter {
  constructor(
    private readonly deps: EmitterDeps,
    private readonly appId: () => number,
  ) {}

  /** Schedules WhatsApp `statuses` webhooks for a send. */
  whatsapp(send: AcceptedWhatsAppSend, plan: StatusPlan): void {
    const { asset } = send;
    const status = (state: 'sent' | 'delivered' | 'read' | 'failed', index: number): Step => {
      const billed = state === 'sent' || (state === 'delivered' && plan.stopAfter !== 'sent');
      return {
        label: `whatsapp.status.${state}`,
        envelope: whatsappStatusEnvelope(asset, [
          buildWhatsAppStatus({
            messageId: send.messageId,
            status: state,
            timestampMs: send.acceptedAtMs + index * plan.stepDelayMs,
            recipientId: send.recipientId,
            ...(send.bizOpaqueCallbackData ? { bizOpaqueCallbackData: send.bizOpaqueCallbackData } : {}),
            ...(billed
              ? {
                  billing: {
                    category: send.category,
                    free: send.free,
                    conversationId: send.conversationId,
                    includeConversation: send.includeConversation,
                    ...(state === 'sent' ? { expiresAtMs: send.acceptedAtMs + 24 * 3600_000 } : {}),
                  },
                }
              : {}),
            ...(state === 'failed' ? { failure: send.failure ?? plan.failure } : {}),
          }),
        ]),
      };
    };
    if (send.failure || plan.mode === 'failed') {
      this.run([status('failed', 0)], plan, asset.appSecret);
      return;
    }
    this.run(
      statesUpTo(plan.stopAfter).map((state, index) => status(state, index)),
      plan,
      asset.appSecret,
    );
  }

  /** Schedules the echo, delivery and read events of a Messenger or Instagram send. */
  messaging(send: AcceptedMessagingSend, plan: StatusPlan): void {
    const { asset } = send;
    const object = asset.channel === 'messenger' ? 'page' : 'instagram';
    const entryId = asset.channel === 'messenger' ? asset.pageId : asset.igAccountId;
    const step = (label: string, build: () => Parameters<typeof buildMessagingEvent>[0]): Step => {
      const now = this.deps.clock();
      const event = buildMessagingEvent(build(), {
        assetId: entryId,
        customerId: send.customerId,
        timestampMs: now,
      });
      return {
        label: `${asset.channel}.${label}`,
        envelope: messagingEnvelope(object, entryId, [event], now),
      };
    };
    const echo = plan.echoes
      ? [step('echo', () => ({ type: 'echo', mid: send.messageId, appId: this.appId(), ...send.echo }))]
      : [];
    if (plan.mode === 'failed' || plan.mode === 'none') {
      this.run(echo, { ...plan, mode: 'in-order' }, asset.appSecret);
      return;
    }
    const states = statesUpTo(plan.stopAfter);
    const receipts: Step[] = [];
    // Instagram has no delivery receipts and reads name one message (reference §4.4).
    if (asset.channel === 'messenger' && states.includes('delivered')) {
      receipts.push(
        step('delivery', () => ({ type: 'delivery', mids: [send.messageId], watermark: send.acceptedAtMs })),
      );
    }
    if (states.includes('read')) {
      receipts.push(
        step('read', () =>
          asset.channel === 'messenger'
            ? { type: 'read', watermark: send.acceptedAtMs }
            : { type: 'read', mid: send.messageId },
        ),
      );
    }
    this.run([...echo, ...receipts], plan, asset.appSecret);
  }

  private run(steps: Step[], plan: StatusPlan, appSecret: string): void {
    if (steps.length === 0 || plan.mode === 'none') return;
    const ordered = this.order(steps, plan.mode);
    const chain = (async () => {
      for (const step of ordered) {
        await this.deps.timers.wait(plan.stepDelayMs);
        if (this.deps.timers.isClosed) return;
        await this.deps.sender.deliver(step.envelope, appSecret, step.label);
      }
    })();
    void this.deps.tracker.track(chain);
  }

  private order(steps: Step[], mode: StatusPlan['mode']): Step[] {
    switch (mode) {
      case 'reversed':
        return [...steps].reverse();
      case 'shuffled':
        return this.deps.random.shuffle(steps);
      case 'duplicated':
        return steps.flatMap((step) => [step, step]);
      case 'in-order':
      case 'failed':
      case 'none':
        return steps;
    }
  }
}
