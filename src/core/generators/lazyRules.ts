import type { Rule } from '../rules/rule';

/**
 * A generator's rules, loaded with its sites' first check (they bring the rule modules and the pinyin
 * matching, which reading a site alone need not pay for): `Generator.rules` and `loadRules`.
 */
export class LazyRules {
  private loaded: readonly Rule[] | undefined;

  constructor(private readonly generator: string, private readonly load: () => Promise<readonly Rule[]>) {}

  get rules(): readonly Rule[] {
    if (!this.loaded) throw new Error(`${this.generator}'s rules were asked for before its loadRules()`);
    return this.loaded;
  }

  async loadRules(): Promise<void> {
    this.loaded ??= await this.load();
  }
}
