import type { SiteIndex } from '../src/core/index/siteIndex';
import { checkPost, DEFAULT_SETTINGS, type RuleContext } from '../src/core/rules';
import { median, percentile } from './measure';

/**
 * Validation benchmark for `npm run bench` (called from bench/main.ts): one check of an 8 KB and of a
 * 1 MB post, as the editor runs it on each pause in typing (the whole rule set, the site's index as
 * context). `postcraft check` over a whole site is measured as a process (bench/cliBench.ts).
 */
export interface DiagnosticsBench {
  readonly smallBytes: number;
  readonly smallMedianMs: number;
  readonly smallP99Ms: number;
  readonly largeBytes: number;
  readonly largeMedianMs: number;
}

/** A realistic post of about `bytes`: front matter, Chinese and English prose, code, links and tags. */
export function syntheticPost(bytes: number): string {
  const head = '---\ntitle: 一次 PostgreSQL 慢查询排查\ndate: 2026-03-01 16:20:00\nupdated: 2026-03-03 11:02:00\n'
    + 'tags: [PostgreSQL, 数据库, 后端, 踩坑]\ncategories: [技术, 后端]\n---\n\n';
  const section = [
    '## 先看是哪条 SQL\n\n我们开了 `pg_stat_statements`，直接按平均耗时排序。The culprit was one line: `http.Get(url)`.\n\n',
    '```sql\nSELECT query, calls, mean_exec_time FROM pg_stat_statements ORDER BY mean_exec_time DESC LIMIT 5;\n```\n\n',
    '![plan](/images/plan.png) 详见 [文档](https://www.postgresql.org/docs/) 和 {% post_link go-http-client-timeouts %}。\n\n',
    '{% blockquote 作者 %}\n统计信息不是万能的。\n{% endblockquote %}\n\n',
  ].join('');
  let text = head;
  while (text.length < bytes) text += section;
  return text;
}

export function benchDiagnostics(index: SiteIndex, runs = 200): DiagnosticsBench {
  const context: RuleContext = {
    path: `${index.site.root}/source/_posts/bench-post.md`, kind: 'post', site: index.site, index, now: new Date(),
    settings: DEFAULT_SETTINGS, fileExists: () => true,
  };
  const small = syntheticPost(8 * 1024);
  const large = syntheticPost(1024 * 1024);
  checkPost(small, context); // warm up (vocabulary cache, JIT)
  const smallTimes: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    checkPost(small, context);
    smallTimes.push(performance.now() - start);
  }
  const largeTimes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    checkPost(large, context);
    largeTimes.push(performance.now() - start);
  }
  return {
    smallBytes: small.length, smallMedianMs: median(smallTimes), smallP99Ms: percentile(smallTimes, 99),
    largeBytes: large.length, largeMedianMs: median(largeTimes),
  };
}
