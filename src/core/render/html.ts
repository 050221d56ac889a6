/** HTML escaping for text and attribute values written by the renderer. */
const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => TEXT_ESCAPES[character]);
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
