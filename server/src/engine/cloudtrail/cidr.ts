/**
 * IPv4/IPv6 addresses and CIDR ranges as 16-byte arrays (IPv4 mapped into ::ffff:0:0/96),
 * so one comparison serves both families. No regular expressions with nested quantifiers.
 */

function parseV4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

/** 16 bytes, or undefined when `s` is not an IP address (e.g. `connect.amazonaws.com`). */
export function parseIp(s: string): Uint8Array | undefined {
  const bytes = new Uint8Array(16);
  if (!s.includes(':')) {
    const v4 = parseV4(s);
    if (!v4) return undefined;
    bytes[10] = 0xff;
    bytes[11] = 0xff;
    bytes.set(v4, 12);
    return bytes;
  }
  const zone = s.indexOf('%');
  const addr = zone >= 0 ? s.slice(0, zone) : s;
  let tail: number[] = [];
  let main = addr;
  const lastColon = addr.lastIndexOf(':');
  if (addr.slice(lastColon + 1).includes('.')) {
    const v4 = parseV4(addr.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = [(v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]];
    main = addr.slice(0, lastColon + 1) + '0';
  }
  const halves = main.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string) => (h === '' ? [] : h.split(':'));
  const head = group(halves[0]);
  const rest = halves.length === 2 ? group(halves[1]) : [];
  if (tail.length) (halves.length === 2 ? rest : head).pop();
  const hex = (gs: string[]) => {
    const out: number[] = [];
    for (const g of gs) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const h = hex(head);
  const r = hex(rest);
  if (!h || !r) return undefined;
  const fill = 8 - h.length - r.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  const all = [...h, ...new Array<number>(fill).fill(0), ...r, ...tail];
  for (let i = 0; i < 8; i++) {
    bytes[i * 2] = all[i] >> 8;
    bytes[i * 2 + 1] = all[i] & 0xff;
  }
  return bytes;
}

export interface Cidr {
  text: string;
  bytes: Uint8Array;
  /** Prefix length in the 128-bit space. */
  bits: number;
}

/** `10.0.0.0/8`, `2001:db8::/32` or a bare address; undefined when invalid. */
export function parseCidr(s: string): Cidr | undefined {
  const slash = s.indexOf('/');
  const ip = parseIp(slash >= 0 ? s.slice(0, slash) : s);
  if (!ip) return undefined;
  const v4 = !s.slice(0, slash >= 0 ? slash : s.length).includes(':');
  const max = v4 ? 32 : 128;
  let len = max;
  if (slash >= 0) {
    const t = s.slice(slash + 1);
    if (!/^\d{1,3}$/.test(t)) return undefined;
    len = Number(t);
    if (len > max) return undefined;
  }
  return { text: s, bytes: ip, bits: v4 ? len + 96 : len };
}

export function cidrContains(c: Cidr, ip: Uint8Array): boolean {
  let bits = c.bits;
  for (let i = 0; i < 16 && bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((c.bytes[i] & mask) !== (ip[i] & mask)) return false;
  }
  return true;
}
