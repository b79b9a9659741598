import type { SecretBox } from '../platform/secret-box.ts';
import { recordOf, stringOf } from '../webhooks/loose-json.ts';
import type { ChannelRow } from './channels.repo.ts';
import { GraphClient, GraphError } from './graph-client.ts';

/**
 * A live Graph API call with the channel's token: the phone number's details for WhatsApp, the
 * Page or account (`GET /{id}`) otherwise. Says in plain words what worked or what Meta said.
 */
export async function testChannel(
  graphUrl: string,
  secretBox: SecretBox,
  channel: ChannelRow,
): Promise<{ ok: boolean; detail: string }> {
  if (!channel.access_token_enc)
    return { ok: false, detail: 'The channel is disconnected: it has no access token.' };
  const graph = new GraphClient(graphUrl, 10_000);
  try {
    const answer = recordOf(
      await graph.request('GET', channel.external_id, secretBox.open(channel.access_token_enc)),
    );
    const label =
      stringOf(answer.display_phone_number) ??
      stringOf(answer.verified_name) ??
      stringOf(answer.name) ??
      stringOf(answer.username) ??
      channel.external_id;
    return { ok: true, detail: `Meta answered for ${label}.` };
  } catch (error) {
    if (error instanceof GraphError) return { ok: false, detail: error.message };
    throw error;
  }
}
