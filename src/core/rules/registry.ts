import * as content from './contentRules';
import * as dates from './dateRules';
import * as frontMatter from './frontMatterRules';
import type { Rule } from './rule';
import * as taxonomy from './taxonomyRules';
import * as template from './templateRules';

/**
 * Every rule, in code order. Codes are stable and documented in docs/rules.md: a retired rule keeps
 * its code unused, a new rule takes the next free one in its group.
 * PC1xx front-matter syntax · PC2xx keys and values · PC3xx dates · PC4xx tags and categories · PC5xx content
 */
export const RULES: readonly Rule[] = [
  frontMatter.unclosedFrontMatter,
  frontMatter.yamlSyntax,
  frontMatter.jsonSyntax,
  frontMatter.frontMatterNotMapping,
  frontMatter.missingFrontMatter,
  frontMatter.aliasExpansion,
  frontMatter.buildFailingFrontMatter,
  frontMatter.requiredKey,
  frontMatter.emptyTitle,
  frontMatter.unknownKey,
  frontMatter.permalinkSuffix,
  frontMatter.titleLength,
  frontMatter.excerptLength,
  dates.unreadableDate,
  dates.ignoredDateOffset,
  dates.updatedBeforeDate,
  dates.futureDate,
  taxonomy.taxonomyMap,
  taxonomy.taxonomyEmptyItem,
  taxonomy.duplicateTag,
  taxonomy.taxonomyCollision,
  taxonomy.taxonomyNearDuplicate,
  taxonomy.taxonomyCommaString,
  taxonomy.taxonomyOnPage,
  content.repeatedTitle,
  content.missingLinkTarget,
  content.missingAsset,
  content.missingPostLink,
  template.unclosedBlockTag,
  template.unclosedTemplate,
  content.templateVariable,
  content.unknownTag,
  template.templateSyntax,
  template.renderFailure,
  template.templateUnchecked,
];

export const RULE_BY_CODE: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.code, rule]));
export const RULE_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((rule) => [rule.id, rule]));
