// Console helpers shared by scripts/start.mjs and scripts/test.mjs (node: builtins only).

const color = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, text) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);

/** A finished step: `✓ PostgreSQL 15 at 127.0.0.1:5432 …` */
export const ok = (msg) => console.log(`${paint(32, '✓')} ${msg}`);
/** A step that is starting and may take a while. */
export const step = (msg) => console.log(`${paint(36, '→')} ${msg}`);
/** Something worth knowing that does not stop us. */
export const warn = (msg) => console.error(`${paint(33, '!')} ${msg}`);

/** An error that ends the script with a friendly message (and optional hint lines), no stack. */
export class FatalError extends Error {
  constructor(message, hints = []) {
    super(message);
    this.hints = hints;
  }
}

/** Print a FatalError nicely (any other error with its stack) and exit 1. */
export function die(err) {
  if (err instanceof FatalError) {
    console.error(`${paint(31, '✗')} ${err.message}`);
    for (const hint of err.hints) console.error(`  ${hint}`);
  } else {
    console.error(`${paint(31, '✗')} Unexpected error:`, err);
  }
  process.exit(1);
}

/** Hide the password of a URL: postgres://user:***@host/db. Non-URLs are returned as they are. */
export function maskUrl(url) {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return String(url).replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
  }
}

export const seconds = (startMs) => `${((Date.now() - startMs) / 1000).toFixed(1)}s`;
