// Environment loading: process environment > .env > defaults (node: builtins only).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const DEFAULTS = Object.freeze({
  PORT: '3000',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/carebook',
  REDIS_URL: 'redis://127.0.0.1:6379',
});

/**
 * Parse dotenv text: KEY=VALUE lines, optional `export `, blank lines and `#` comments,
 * 'single' (literal) or "double" quoted values (\n \r \t \" \\ escapes, may span lines),
 * and ` # comments` after unquoted values.
 */
export function parseDotenv(text) {
  const out = {};
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  let i = 0;
  while (i < src.length) {
    let end = src.indexOf('\n', i);
    if (end === -1) end = src.length;
    const line = src.slice(i, end);
    i = end + 1;
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue; // blank, comment or junk
    const key = m[1];
    let rest = m[2];
    const quote = rest[0];
    if (quote === '"' || quote === "'" || quote === '`') {
      // The value may continue on the next lines until the closing quote.
      const resume = i;
      let body = rest.slice(1);
      let close = findClose(body, quote);
      while (close === -1 && i < src.length) {
        let next = src.indexOf('\n', i);
        if (next === -1) next = src.length;
        body += '\n' + src.slice(i, next);
        i = next + 1;
        close = findClose(body, quote);
      }
      if (close === -1) {
        // Never closed: take this line as it is rather than swallow the rest of the file.
        i = resume;
        out[key] = rest.trim();
        continue;
      }
      let value = body.slice(0, close);
      if (quote === '"') {
        value = value.replace(/\\([nrt"\\])/g, (_, c) => ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' })[c]);
      }
      out[key] = value;
    } else {
      const hash = rest.search(/(^|\s)#/);
      if (hash !== -1) rest = rest.slice(0, hash);
      out[key] = rest.trim();
    }
  }
  return out;
}

function findClose(body, quote) {
  for (let j = 0; j < body.length; j++) {
    if (quote === '"' && body[j] === '\\') {
      j++;
      continue;
    }
    if (body[j] === quote) return j;
  }
  return -1;
}

/**
 * The environment for carebook's processes: every variable of process.env, plus .env's
 * variables not already set, plus DEFAULTS for what is still unset or empty.
 * Returns { env, userSet: Set of the keys the user chose (shell or .env), dotenv: path|null, dotenvCount }.
 */
export function loadEnv(root) {
  const file = path.join(root, '.env');
  let fromFile = {};
  if (existsSync(file)) fromFile = parseDotenv(readFileSync(file, 'utf8'));
  const env = { ...process.env };
  const userSet = new Set();
  for (const [key, value] of Object.entries(process.env)) if (value !== '') userSet.add(key);
  for (const [key, value] of Object.entries(fromFile)) {
    if (env[key] === undefined || env[key] === '') {
      env[key] = value;
      if (value !== '') userSet.add(key);
    }
  }
  for (const [key, value] of Object.entries(DEFAULTS)) {
    if (env[key] === undefined || env[key] === '') env[key] = value;
  }
  return {
    env,
    userSet,
    dotenv: existsSync(file) ? file : null,
    dotenvCount: Object.keys(fromFile).length,
  };
}

/** True when an opt-out variable such as CAREBOOK_NO_INSTALL is set to 1/true/yes. */
export const isTruthy = (value) => /^(1|true|yes|on)$/i.test(String(value ?? '').trim());
