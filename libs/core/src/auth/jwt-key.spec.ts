import { JwtService } from '@nestjs/jwt';
import { jwtKey } from './jwt-key';

const secret = 'a-test-secret-that-is-at-least-32-characters';

describe('jwtKey', () => {
  it('is one KeyObject per secret, and interoperates with tokens signed with the plain secret', () => {
    expect(jwtKey({ jwtSecret: secret })).toBe(jwtKey({ jwtSecret: secret }));
    const withString = new JwtService({ secret });
    const withKey = new JwtService({ secret: jwtKey({ jwtSecret: secret }) });
    const token = withString.sign({ sub: 'x' }, { algorithm: 'HS256' });
    expect(withKey.verify(token, { algorithms: ['HS256'] })).toMatchObject({ sub: 'x' });
    expect(withString.verify(withKey.sign({ sub: 'y' }, { algorithm: 'HS256' }))).toMatchObject({ sub: 'y' });
    expect(() => new JwtService({ secret: jwtKey({ jwtSecret: `${secret}-other` }) }).verify(token)).toThrow();
  });
});
