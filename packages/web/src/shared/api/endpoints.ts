import type {
  ApiKey,
  Availability,
  CreateMemberRequest,
  LoginRequest,
  Member,
  MeResponse,
  SetupRequest,
  UpdateMemberRequest,
} from '@charla/contracts';
import { requestJson, send, setCsrfToken } from './client.ts';
import type {
  ApiKeyListResponse,
  CreateApiKeyRequest,
  CreatedApiKeyResponse,
  MemberListResponse,
  SetAvailabilityRequest,
  SetupStatusResponse,
} from './types.ts';

/** Keeps the CSRF token of every MeResponse the server hands out. */
function rememberSession(me: MeResponse): MeResponse {
  setCsrfToken(me.csrfToken);
  return me;
}

/** Every call the web app makes, one function per endpoint, typed by `@charla/contracts`. */
export const api = {
  getSetupStatus: () => requestJson<SetupStatusResponse>('GET', '/setup'),
  setUp: async (body: SetupRequest) => rememberSession(await requestJson<MeResponse>('POST', '/setup', body)),

  login: async (body: LoginRequest) =>
    rememberSession(await requestJson<MeResponse>('POST', '/auth/login', body)),
  logout: async () => {
    await send('POST', '/auth/logout');
    setCsrfToken(null);
  },
  getMe: async () => rememberSession(await requestJson<MeResponse>('GET', '/me')),
  setAvailability: (availability: Availability) =>
    requestJson<Member>('PUT', '/me/availability', { availability } satisfies SetAvailabilityRequest),

  listMembers: async (): Promise<Member[]> =>
    (await requestJson<MemberListResponse>('GET', '/members')).items,
  createMember: (body: CreateMemberRequest) => requestJson<Member>('POST', '/members', body),
  updateMember: (memberId: string, body: UpdateMemberRequest) =>
    requestJson<Member>('PATCH', `/members/${encodeURIComponent(memberId)}`, body),

  listApiKeys: async (): Promise<ApiKey[]> =>
    (await requestJson<ApiKeyListResponse>('GET', '/api-keys')).items,
  createApiKey: (body: CreateApiKeyRequest) => requestJson<CreatedApiKeyResponse>('POST', '/api-keys', body),
  revokeApiKey: async (apiKeyId: string) => {
    await send('DELETE', `/api-keys/${encodeURIComponent(apiKeyId)}`);
  },
};
