import { Argon2PasswordHasher } from './argon2-password-hasher';

describe('Argon2PasswordHasher', () => {
  const hasher = new Argon2PasswordHasher();

  it('hashes with argon2id and a fresh salt each time', async () => {
    const [a, b] = [await hasher.hash('s3cret-password'), await hasher.hash('s3cret-password')];
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,p=1,t=2\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only', async () => {
    const digest = await hasher.hash('s3cret-password');
    expect(await hasher.verify(digest, 's3cret-password')).toBe(true);
    expect(await hasher.verify(digest, 'S3cret-password')).toBe(false);
  });

  it('answers false, not an error, for no hash or a corrupt one', async () => {
    expect(await hasher.verify(null, 'anything')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'anything')).toBe(false);
  });
});
