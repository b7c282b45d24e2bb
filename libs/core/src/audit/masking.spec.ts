import { maskEmail, maskIdentifier, maskPhone } from './masking';

describe('masking', () => {
  it('keeps the first two and last four digits of a phone', () => {
    expect(maskPhone('+919876544321')).toBe('+91******4321');
    expect(maskPhone(' +91 98765 44321 ')).toBe('+91******4321');
    expect(maskPhone('+14155552671')).toBe('+14*****2671');
    expect(maskPhone('09876544321')).toBe('09*****4321');
  });

  it('masks short or empty phones whole', () => {
    expect(maskPhone('+12345')).toBe('+*****');
    expect(maskPhone('')).toBe('***');
    expect(maskPhone('abc')).toBe('***');
  });

  it('keeps the first letter and the domain of an email, hiding the length', () => {
    expect(maskEmail('asha.rao@Example.COM')).toBe('a***@example.com');
    expect(maskEmail('a@example.com')).toBe('***@example.com');
    expect(maskEmail('not-an-email')).toBe('n***');
  });

  it('masks any login identifier by its shape', () => {
    expect(maskIdentifier('+919876544321')).toBe('+91******4321');
    expect(maskIdentifier('asha@example.com')).toBe('a***@example.com');
    // A password typed into the username field must not land in the audit log.
    expect(maskIdentifier('Secret-Passw0rd')).toBe('S***');
    expect(maskIdentifier('ab')).toBe('***');
  });
});
