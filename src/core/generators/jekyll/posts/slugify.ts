/**
 * `Jekyll::Utils.slugify` in its default mode, as jekyll-compose names new files: every run of
 * characters that are not letters, marks or decimal digits becomes one `-`, a leading and a trailing
 * `-` go, and the rest is lower-cased (`Hello, World!` → `hello-world`, `搬到 杭州` → `搬到-杭州`).
 */
export function jekyllSlugify(title: string): string {
  return title.replace(/[^\p{M}\p{L}\p{Nd}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase();
}
