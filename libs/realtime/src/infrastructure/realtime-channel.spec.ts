import { realtimeChannelKey } from './realtime-channel';

describe('realtimeChannelKey', () => {
  it('names the database (host, port, name) and never its credentials', () => {
    const key = realtimeChannelKey({ url: 'postgres://carebook:s3cret@db.internal:6543/carebook' });
    expect(key).toBe('carebook-rt:db.internal:6543/carebook');
  });

  it('is the same for every process of one database, whatever else differs', () => {
    expect(
      realtimeChannelKey({ url: 'postgres://a@127.0.0.1/carebook_test?sslmode=disable' }),
    ).toBe(realtimeChannelKey({ url: 'postgresql://b:pw@127.0.0.1:5432/carebook_test' }));
  });

  it('keeps Redis pattern characters out of the key', () => {
    expect(realtimeChannelKey({ url: 'postgres://h/odd%5Bname%5D%2A%3F' })).toBe(
      'carebook-rt:h:5432/odd_name___',
    );
  });
});
