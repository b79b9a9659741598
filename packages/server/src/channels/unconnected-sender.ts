import { type MessageSender, SendFailure } from './message-sender.ts';

/**
 * The sender used until a channel adapter is configured: every send fails permanently with a
 * reason members can read, so nothing sits queued forever pretending to be on its way.
 */
export const unconnectedSender: MessageSender = {
  async send() {
    throw new SendFailure(
      'channel_not_connected',
      'This channel is not connected to Meta, so the message could not be sent.',
      false,
    );
  },
};
