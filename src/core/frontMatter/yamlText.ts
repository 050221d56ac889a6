/**
 * Writing a value so that YAML reads it back as the same string. Deliberately stricter than the YAML
 * spec: a tag with a comma must survive being moved into a flow list, so `,` `[` `]` `{` `}` always
 * quote, even in block context.
 */
export type QuoteChar = '"' | "'";

/** Characters that mean something to YAML anywhere in a plain scalar (flow indicators, comments, mapping colons). */
const UNSAFE_ANYWHERE = /[,[\]{}#:]/;
/** Characters that start something else when they lead a plain scalar. */
const UNSAFE_FIRST = /^[-?:&*!|>'"%@`]/;
/** Words and numbers that YAML (js-yaml's core schema) reads as something other than a string. */
const NON_STRING = /^(?:true|false|null|~|yes|no|on|off|[-+]?(?:\.inf|\.nan)|[-+]?(?:0x[\da-f]+|0o[0-7]+|\d[\d_]*(?:\.\d*)?(?:e[-+]?\d+)?|\.\d+(?:e[-+]?\d+)?)|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?)$/i;

export function needsQuotes(value: string): boolean {
  return value === ''
    || value !== value.trim()
    || UNSAFE_ANYWHERE.test(value)
    || UNSAFE_FIRST.test(value)
    || NON_STRING.test(value)
    || /[\u0000-\u001f\u007f]/.test(value);
}

/** The body of a quoted scalar (without its quotes) in the given style. */
export function escapeInQuotes(value: string, quote: QuoteChar): string {
  if (quote === "'") return value.replace(/'/g, "''");
  return escapeDoubleQuoted(value);
}

/** JSON's string escaping, which is also valid inside YAML double quotes. */
export function escapeDoubleQuoted(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** `value` as a YAML scalar: plain when that reads back the same, else quoted in the author's style. */
export function yamlScalar(value: string, preferredQuote: QuoteChar): string {
  if (!needsQuotes(value)) return value;
  // A single-quoted scalar cannot hold control characters; double quotes can escape anything.
  const quote = preferredQuote === "'" && !/[\u0000-\u001f\u007f]/.test(value) ? "'" : '"';
  return `${quote}${escapeInQuotes(value, quote)}${quote}`;
}

/** Escapes text for a snippet, where `$`, `}` and `\` are syntax. */
export function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
