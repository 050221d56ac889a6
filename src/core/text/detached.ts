/**
 * `value` as a string of its own. V8 makes a substring of 13 characters or more a view into the string
 * it was cut from: a title the YAML parser cut from a post keeps that post's whole front matter alive
 * (10,000 titles held 2.5 MB of front matter in the index, measured in a heap snapshot). Slicing a
 * concatenation makes V8 copy the characters into a new string first, so only they are kept.
 */
export function detached(value: string): string {
  return value.length < 13 ? value : (` ${value}`).slice(1);
}
