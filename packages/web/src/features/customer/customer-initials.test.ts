import { describe, expect, it } from 'vitest';
import { customerInitials } from './customer-initials.ts';

describe('customer initials for the avatar', () => {
  it('takes the first letters of the first and last names', () => {
    expect(customerInitials('Mariana López García')).toBe('MG');
    expect(customerInitials('ana')).toBe('A');
    expect(customerInitials('  Ñandú  Pérez ')).toBe('ÑP');
  });

  it('has none for a name that is only a phone number', () => {
    expect(customerInitials('+5215512345678')).toBe('');
  });
});
