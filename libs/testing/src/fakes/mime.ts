/**
 * Just enough MIME (RFC 2045-2047) to read back what nodemailer wrote: headers (unfolded,
 * encoded words decoded), nested multiparts, base64 and quoted-printable bodies.
 */
export interface MimePart {
  /** Lower-case header names; a repeated header keeps its first value. */
  headers: Record<string, string>;
  /** `text/plain`, `multipart/alternative`, ... (lower case, no parameters). */
  type: string;
  params: Record<string, string>;
  /** From Content-Disposition or Content-Type `name`. */
  filename?: string;
  attachment: boolean;
  /** The decoded body of a leaf part, as UTF-8. */
  body: string;
  parts: MimePart[];
}

export function parseMime(raw: string): MimePart {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split < 0 ? raw : raw.slice(0, split);
  const rest = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeWords(line.slice(colon + 1).trim());
  }
  const [type, params] = parameterised(headers['content-type'] ?? 'text/plain');
  const [disposition, dispositionParams] = parameterised(headers['content-disposition'] ?? '');
  const part: MimePart = {
    headers,
    type,
    params,
    filename: dispositionParams.filename ?? params.name,
    attachment: disposition === 'attachment',
    body: '',
    parts: [],
  };
  if (type.startsWith('multipart/') && params.boundary) {
    const delimiter = `--${params.boundary}`;
    const sections = rest.split(delimiter).slice(1);
    for (const section of sections) {
      if (section.startsWith('--')) break;
      part.parts.push(parseMime(section.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
    }
  } else {
    part.body = decodeBody(rest, headers['content-transfer-encoding']);
  }
  return part;
}

/** Every leaf part, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.parts.length ? part.parts.flatMap(leaves) : [part];
}

function parameterised(value: string): [string, Record<string, string>] {
  const [first, ...rest] = value.split(';');
  const params: Record<string, string> = {};
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq > 0)
      params[p.slice(0, eq).trim().toLowerCase()] = p
        .slice(eq + 1)
        .trim()
        .replace(/^"|"$/g, '');
  }
  return [first.trim().toLowerCase(), params];
}

function decodeBody(body: string, encoding = '7bit'): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return quotedPrintable(body.replace(/=\r?\n/g, ''));
    default:
      return body;
  }
}

function quotedPrintable(text: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** RFC 2047 `=?UTF-8?Q?...?=` / `=?UTF-8?B?...?=`; whitespace between two encoded words goes. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([bq])\?([^?]*)\?=/gi,
      (_, _charset: string, kind: string, text: string) =>
        kind.toLowerCase() === 'b'
          ? Buffer.from(text, 'base64').toString('utf8')
          : quotedPrintable(text.replace(/_/g, ' ')),
    );
}
