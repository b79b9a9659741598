import { describe, expect, it } from 'vitest';
import { renderTemplateBody, templateVariables } from './template-text.ts';

describe('template bodies', () => {
  it('lists positional and named variables once each, in order of first use', () => {
    expect(templateVariables('Hola {{1}}, tu pedido {{2}} llega {{ 3 }}. {{1}}')).toEqual(['1', '2', '3']);
    expect(templateVariables('Hi {{first_name}}, order {{order_id}}')).toEqual(['first_name', 'order_id']);
    expect(templateVariables('No variables here')).toEqual([]);
  });

  it('fills every use of a variable with its value', () => {
    const body = 'Hola {{1}}, tu pedido {{2}} está listo. ¡Gracias, {{1}}!';
    expect(renderTemplateBody(body, ['1', '2'], ['Ana', '#1042'])).toBe(
      'Hola Ana, tu pedido #1042 está listo. ¡Gracias, Ana!',
    );
  });

  it('keeps a variable without a value visible, or shows the fallback given', () => {
    const body = 'Hi {{name}}, your code is {{code}}';
    expect(renderTemplateBody(body, ['name', 'code'], ['Luis'])).toBe('Hi Luis, your code is {{code}}');
    expect(renderTemplateBody(body, ['name', 'code'], ['', ''], (name) => `[${name}]`)).toBe(
      'Hi [name], your code is [code]',
    );
  });
});
