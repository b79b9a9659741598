import type { MessageTemplate } from '@charla/contracts';
import { describe, expect, it } from 'vitest';
import {
  initialValues,
  inputForServerField,
  isSendableTemplate,
  startRequest,
  variableField,
} from './new-chat-form.ts';

const template: MessageTemplate = {
  id: 'tpl-1',
  channelId: 'ch-1',
  name: 'order_ready',
  language: 'es_MX',
  category: 'UTILITY',
  status: 'APPROVED',
  header: null,
  body: 'Hola {{1}}, tu pedido {{2}} está listo.',
  footer: null,
  variables: ['1', '2'],
  buttons: [],
  syncedAt: 0,
};

describe('the New chat request', () => {
  it('sends the typed number with the picked country code and the variables in order', () => {
    const values = {
      ...initialValues('ch-1', 'MX'),
      phone: '55 1234 5678',
      [variableField('2')]: ' #1042 ',
      [variableField('1')]: 'Ana',
    };
    expect(startRequest(values, template, 'web-1')).toEqual({
      channelId: 'ch-1',
      phone: '525512345678',
      template: { name: 'order_ready', language: 'es_MX', variables: ['Ana', '#1042'] },
      clientId: 'web-1',
    });
  });

  it('sends the picked customer instead of a phone', () => {
    const values = { ...initialValues('ch-1', 'MX'), mode: 'customer', customerId: 'cust-9' };
    const request = startRequest(values, { ...template, variables: [] }, 'web-2');
    expect(request).toMatchObject({ customerId: 'cust-9' });
    expect(request).not.toHaveProperty('phone');
  });

  it('shows the server’s template errors at the inputs they are about', () => {
    expect(inputForServerField('template.variables', template)).toBe('variable-1');
    expect(inputForServerField('template.name', template)).toBe('template');
    expect(inputForServerField('template.headerMediaId', template)).toBe('headerFile');
    expect(inputForServerField('phone', template)).toBe('phone');
  });
});

describe('templates New chat offers', () => {
  it('offers approved templates without a header, with a plain text header or a media header', () => {
    expect(isSendableTemplate(template)).toBe(true);
    expect(isSendableTemplate({ ...template, header: { format: 'TEXT', text: 'Tu pedido' } })).toBe(true);
    expect(isSendableTemplate({ ...template, header: { format: 'IMAGE', text: null } })).toBe(true);
  });

  it('leaves out unapproved ones and those needing header values', () => {
    expect(isSendableTemplate({ ...template, status: 'PENDING' })).toBe(false);
    expect(isSendableTemplate({ ...template, header: { format: 'TEXT', text: 'Hola {{1}}' } })).toBe(false);
  });
});
