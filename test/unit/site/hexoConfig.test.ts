import * as assert from 'node:assert/strict';
import { HEXO_DEFAULT_CONFIG, looksLikeHexoConfig, readHexoConfig } from '../../../src/core/generators/hexo/hexoConfig';

describe('Hexo config', () => {
  it('applies Hexo defaults to keys that are not written', () => {
    const { config, problems } = readHexoConfig('title: 我的博客\n', '/b/_config.yml');
    assert.equal(config.title, '我的博客');
    assert.equal(config.newPostName, ':title.md');
    assert.equal(config.defaultLayout, 'post');
    assert.equal(config.defaultCategory, 'uncategorized');
    assert.equal(config.updatedOption, 'mtime');
    assert.deepEqual(problems, []);
  });

  it('reads the keys Postcraft uses', () => {
    const text = [
      'language: [zh-CN, en]', 'timezone: Asia/Shanghai', 'source_dir: src/', 'new_post_name: :year-:month-:day-:title.md',
      'filename_case: 1', 'post_asset_folder: true', 'render_drafts: true', 'future: false', 'date_format: YYYY/MM/DD',
      'time_format: HH:mm', 'tag_map: {JS: javascript}', 'updated_option: date',
    ].join('\n');
    const { config } = readHexoConfig(text, '/b/_config.yml');
    assert.deepEqual(config.language, ['zh-CN', 'en']);
    assert.equal(config.timezone, 'Asia/Shanghai');
    assert.equal(config.sourceDir, 'src');
    assert.equal(config.newPostName, ':year-:month-:day-:title.md');
    assert.equal(config.filenameCase, 1);
    assert.equal(config.postAssetFolder, true);
    assert.equal(config.renderDrafts, true);
    assert.equal(config.future, false);
    assert.equal(config.dateFormat, 'YYYY/MM/DD');
    assert.equal(config.timeFormat, 'HH:mm');
    assert.deepEqual(config.tagMap, { JS: 'javascript' });
    assert.equal(config.updatedOption, 'date');
  });

  it('reports broken YAML with its position and falls back to the defaults', () => {
    const { config, problems } = readHexoConfig('title: ok\nnew_post_name: [unclosed\n', '/b/_config.yml');
    assert.equal(config.newPostName, HEXO_DEFAULT_CONFIG.newPostName);
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /does not parse/);
    assert.ok(problems[0].range, 'the problem carries a position');
    assert.ok(problems[0].range.start.line >= 1);
  });

  it('ignores keys whose YAML aliases expand without bound, at once, and says so', () => {
    const levels = Array.from({ length: 9 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`).join('\n');
    const started = performance.now();
    const { config, problems } = readHexoConfig(`a0: &a0 x\n${levels}\ntitle: *a9\nlanguage: *a9\ntimezone: Asia/Shanghai\n`, '/b/_config.yml');
    assert.ok(performance.now() - started < 1000);
    assert.equal(config.title, HEXO_DEFAULT_CONFIG.title);
    assert.deepEqual(config.language, HEXO_DEFAULT_CONFIG.language);
    assert.equal(config.timezone, 'Asia/Shanghai');
    assert.ok(problems.some((problem) => /"language" expands through YAML aliases .*Hexo's default applies/.test(problem.message)));
  });

  it("tells Hexo's config from another tool's _config.yml", () => {
    assert.equal(looksLikeHexoConfig('new_post_name: :title.md\n'), true);
    assert.equal(looksLikeHexoConfig('title: x\ntheme: minima\npermalink: pretty\n'), false, 'a Jekyll config');
    assert.equal(looksLikeHexoConfig('source_dir: source\nbroken: [\n'), true, 'broken YAML with Hexo keys');
  });
});
