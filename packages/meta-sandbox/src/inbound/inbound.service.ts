import type { SandboxContext } from '../sandbox.context.ts';
import { sendFacebookComment, sendInstagramComment } from './comments-inbound.service.ts';
import { type InboundInput, type InboundSpec, inboundInputSchema } from './inbound-input.schema.ts';
import type { InboundResult } from './inbound-result.ts';
import { sendMessagingInbound } from './messaging-inbound.service.ts';
import { sendWhatsAppInbound } from './whatsapp-inbound.service.ts';

/**
 * Makes a simulated customer act (write, react, read, comment…): validates the request, builds
 * the webhook Meta would send, updates the sandbox's memory (24 h window, comments, media) and
 * delivers it signed. Accepts unchecked JSON (the admin API); throws `InboundError` or a zod
 * error for requests it cannot carry out.
 */
export function sendInbound(ctx: SandboxContext, input: InboundInput | unknown): InboundResult {
  const result = dispatch(ctx, inboundInputSchema.parse(input));
  ctx.log({
    event: 'inbound',
    channel: result.channel,
    type: result.type,
    customerId: result.customerId,
    ...(result.messageId ? { messageId: result.messageId } : {}),
    ...(result.commentId ? { commentId: result.commentId } : {}),
  });
  return result;
}

function dispatch(ctx: SandboxContext, spec: InboundSpec): InboundResult {
  switch (spec.channel) {
    case 'whatsapp':
      return sendWhatsAppInbound(ctx, spec);
    case 'messenger':
      return spec.type === 'comment' ? sendFacebookComment(ctx, spec) : sendMessagingInbound(ctx, spec);
    case 'instagram':
      return spec.type === 'comment' || spec.type === 'mention'
        ? sendInstagramComment(ctx, spec)
        : sendMessagingInbound(ctx, spec);
  }
}
