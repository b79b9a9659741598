import type { ChannelType, Customer, Tag } from '@charla/contracts';
import { displayNameOf } from './customer-search.ts';
import type { CustomerRow } from './customers.repo.ts';

/** A customer's handle on one channel, with that channel's type. */
export interface IdentityView {
  channel_id: string;
  channel_type: ChannelType;
  external_id: string;
  profile_name: string | null;
}

/** A customer row with its tags and identities → the customer contract. */
export function presentCustomer(row: CustomerRow, tags: Tag[], identities: IdentityView[]): Customer {
  return {
    id: row.id,
    displayName: displayNameOf(row),
    profileName: row.profile_name,
    firstName: row.first_name,
    lastName: row.last_name,
    phone: row.phone,
    email: row.email,
    idType: row.id_type ?? null,
    idNumber: row.id_number ?? null,
    address: row.address ?? null,
    city: row.city ?? null,
    stateProvince: row.state_province ?? null,
    ownerMemberId: row.owner_member_id,
    botEnabled: row.bot_enabled === 1,
    blocked: row.blocked === 1,
    tags,
    identities: identities.map((identity) => ({
      channelId: identity.channel_id,
      channelType: identity.channel_type,
      externalId: identity.external_id,
      profileName: identity.profile_name,
    })),
    createdAt: row.created_at,
  };
}
