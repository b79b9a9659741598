import { z } from 'zod';
import { idSchema } from '../common/primitives.ts';
import { conversationSchema } from './conversations.schema.ts';
import { clientIdSchema, messageSchema } from './messages.schema.ts';
import { PHONE_PROBLEM_MESSAGES, parsePhoneNumber } from './phone-number.ts';

/** An international phone number in any formatting → E.164 digits without `+`. */
export const phoneNumberSchema = z.string().transform((value, context) => {
  const parsed = parsePhoneNumber(value);
  if (parsed.ok) return parsed.digits;
  context.addIssue({ code: 'custom', message: PHONE_PROBLEM_MESSAGES[parsed.problem] });
  return z.NEVER;
});

/**
 * New chat (WhatsApp only): start a conversation by sending an approved template, to a phone
 * number or to a customer already known. The same `clientId` again answers with the first
 * conversation and message instead of sending twice.
 */
export const startConversationRequestSchema = z
  .object({
    /** A connected WhatsApp number. */
    channelId: idSchema,
    /** With the country code, any formatting: `+52 55 1234 5678`. */
    phone: phoneNumberSchema.optional(),
    customerId: idSchema.optional(),
    template: z.object({
      name: z.string().min(1).max(512),
      language: z.string().min(2).max(15),
      /** One value per template variable, in the template's order. */
      variables: z.array(z.string().max(1024)).max(20).default([]),
      /** For a template with an image, video or document header: an id from `POST /api/v1/media`. */
      headerMediaId: idSchema.optional(),
    }),
    clientId: clientIdSchema,
  })
  .superRefine((value, context) => {
    if ((value.phone === undefined) === (value.customerId === undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['phone'],
        message: 'give either a phone number or a customerId, not both',
      });
    }
  });
export type StartConversationRequest = z.input<typeof startConversationRequestSchema>;

export const startConversationResponseSchema = z.object({
  conversation: conversationSchema,
  message: messageSchema,
});
export type StartConversationResponse = z.infer<typeof startConversationResponseSchema>;
