// Redis probing over a raw socket: [AUTH] [SELECT] PING INFO (node: builtins only).
import net from 'node:net';
import tls from 'node:tls';
import { FatalError } from './ui.mjs';

/** { tls, host, port, username, password, db } of a redis:// or rediss:// URL. */
export function parseRedisUrl(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new FatalError(`This is not a valid Redis URL: ${url}`, ['Expected redis://[:PASSWORD@]HOST:6379[/DB]']);
  }
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:') {
    throw new FatalError(`A Redis URL must start with redis:// or rediss:// (got ${u.protocol}//…).`);
  }
  return {
    tls: u.protocol === 'rediss:',
    host: decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || '127.0.0.1',
    port: Number(u.port || 6379),
    username: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    db: Number(u.pathname.replace(/^\//, '') || u.searchParams.get('db') || 0),
  };
}

export function redisWhere(url) {
  const { host, port } = parseRedisUrl(url);
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

const encode = (args) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Parse one RESP reply (simple string, error, integer or bulk string) at offset; null if incomplete. */
function parseReply(buf, offset) {
  const end = buf.indexOf('\r\n', offset);
  if (end === -1) return null;
  const type = String.fromCharCode(buf[offset]);
  const line = buf.toString('utf8', offset + 1, end);
  if (type === '+' || type === ':') return { value: line, next: end + 2 };
  if (type === '-') return { error: line, next: end + 2 };
  if (type === '$') {
    const len = Number(line);
    if (len < 0) return { value: null, next: end + 2 };
    if (buf.length < end + 2 + len + 2) return null;
    return { value: buf.toString('utf8', end + 2, end + 2 + len), next: end + 2 + len + 2 };
  }
  return { error: `unexpected reply ${JSON.stringify(buf.toString('utf8', offset, Math.min(end, offset + 40)))}`, next: buf.length, fatal: true };
}

/**
 * → { ok: true, version } | { ok: false, kind: 'down'|'auth'|'other', error }
 */
export function probeRedis(url, timeoutMs = 3000) {
  const cfg = parseRedisUrl(url);
  const commands = [];
  if (cfg.password) commands.push(cfg.username ? ['AUTH', cfg.username, cfg.password] : ['AUTH', cfg.password]);
  if (cfg.db) commands.push(['SELECT', String(cfg.db)]);
  commands.push(['PING'], ['INFO', 'server']);

  return new Promise((resolve) => {
    let settled = false;
    let buf = Buffer.alloc(0);
    let offset = 0;
    const replies = [];
    const options = { host: cfg.host, port: cfg.port };
    const onConnect = () => socket.write(commands.map(encode).join(''));
    const socket = cfg.tls
      ? tls.connect({ ...options, servername: net.isIP(cfg.host) ? undefined : cfg.host }, onConnect)
      : net.connect(options, onConnect);
    const done = (result) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done({ ok: false, kind: 'down', error: new Error(`no answer within ${timeoutMs} ms`) }));
    socket.on('error', (error) => done({ ok: false, kind: 'down', error }));
    socket.on('close', () => done({ ok: false, kind: 'down', error: new Error('connection closed before PONG') }));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      for (let r; replies.length < commands.length && (r = parseReply(buf, offset)); ) {
        offset = r.next;
        replies.push(r);
        if (r.fatal) return done({ ok: false, kind: 'other', error: new Error(`not a Redis server: ${r.error}`) });
      }
      if (replies.length < commands.length) return;
      for (let i = 0; i < commands.length; i++) {
        const [cmd] = commands[i];
        const { error, value } = replies[i];
        if (cmd === 'INFO') continue;
        // A password given to a server that has none: ioredis only warns about it, so do we.
        if (error && cmd === 'AUTH' && /without any password configured|no password is set/i.test(error)) continue;
        if (error) {
          const kind = /NOAUTH|WRONGPASS|invalid password|invalid username|AUTH/i.test(error) ? 'auth' : 'other';
          return done({ ok: false, kind, error: new Error(`${cmd}: ${error}`) });
        }
        if (cmd === 'PING' && value !== 'PONG') return done({ ok: false, kind: 'other', error: new Error(`PING answered ${value}`) });
      }
      const info = replies.at(-1).value ?? '';
      done({ ok: true, version: /redis_version:(\S+)/.exec(info)?.[1] ?? null });
    });
  });
}
