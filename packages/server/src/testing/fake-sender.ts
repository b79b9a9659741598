import { type MessageSender, type OutboundMessage, SendFailure } from '../channels/message-sender.ts';

/**
 * A sender for tests: records every send and answers with a provider id, or with the failures
 * queued by `failNext`.
 */
export class FakeSender implements MessageSender {
  readonly sent: OutboundMessage[] = [];
  private readonly failures: SendFailure[] = [];
  private counter = 0;

  /** The next sends fail with these, in order. */
  failNext(...failures: SendFailure[]): void {
    this.failures.push(...failures);
  }

  async send(message: OutboundMessage): Promise<{ providerMessageId: string }> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push(message);
    this.counter += 1;
    return { providerMessageId: `wamid.fake${this.counter}` };
  }
}

export { SendFailure };
