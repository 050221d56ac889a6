/** HTML escaping for text and attribute values written by the renderer. */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

export function escapeHtml(text: string): string {
  // Most text has nothing to escape: testing first spares a copy of it.
  return SPECIAL.test(text) ? text.replace(SPECIALS, (character) => TEXT_ESCAPES[character]) : text;
}

/** `name="value"` pairs, values escaped; undefined values are left out. */
export function attributes(pairs: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [name, value] of Object.entries(pairs)) {
    if (value === undefined) continue;
    out += ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}
