import * as assert from 'node:assert/strict';
import { applyTextEdits } from '../../../../src/core/edits';
import { loadHugoSite } from '../../../../src/core/generators/hugo/hugoSite';
import { renderArchetype } from '../../../../src/core/generators/hugo/posts/archetype';
import { hugoPlanner } from '../../../../src/core/generators/hugo/posts/hugoPlanner';
import { PostPlanError } from '../../../../src/core/posts/plans';
import { MemoryFileSystem } from '../../support/memoryFileSystem';

const clock = { now: () => new Date('2026-03-02T09:32:05Z') };
const FILES = {
  '/h/hugo.toml': 'baseURL = "https://example.org/"\ntimeZone = "Asia/Shanghai"\n',
  '/h/archetypes/posts.md': "+++\ntitle = '{{ replace .File.ContentBaseName \"-\" \" \" | title }}'\ndate = {{ .Date }}\ndraft = true\ntags = []\n[params]\n  cover = ''\n+++\n\nBody\n",
  '/h/content/posts/taken.md': '---\ntitle: Taken\n---\n',
};

describe('Hugo plans', () => {
  it('fills archetypes as hugo new does', () => {
    const context = { name: 'my-first-post', baseFileName: 'my-first-post', date: '2026-03-02T17:32:05+08:00', section: 'posts', siteTitle: 'S' };
    assert.equal(renderArchetype('title: "{{ replace .Name "-" " " | title }}"\ndate: {{ .Date }}\ntype: {{ .Type }}', context), 'title: "My First Post"\ndate: 2026-03-02T17:32:05+08:00\ntype: posts');
    assert.equal(renderArchetype('{{ .Name | humanize }} {{ upper "a" }} {{/* note */}}', context), 'My first post A ');
    assert.throws(() => renderArchetype('{{ .Site.Params.author }}', context), PostPlanError);
  });

  it('plans a new post from the section archetype: the typed title, tags above the [params] table, never over a file', async () => {
    const fs = new MemoryFileSystem(FILES);
    const site = await loadHugoSite(fs, '/h');
    const plan = await hugoPlanner.planNewPost(fs, site, { title: 'Taken', tags: ['Go', '副业'] }, clock);
    assert.equal(plan.path, '/h/content/posts/taken-1.md');
    assert.equal(plan.content, '+++\ntitle = \'Taken\'\ndate = 2026-03-02T17:32:05+08:00\ndraft = true\ntags = ["Go", "副业"]\n[params]\n  cover = \'\'\n+++\n\nBody\n');
    assert.equal(plan.content.slice(plan.bodyOffset), '\nBody\n');
    // The archetype's quotes are kept, unless the title cannot be written in them.
    assert.match((await hugoPlanner.planNewPost(fs, site, { title: "It's here" }, clock)).content, /^title = "It's here"$/m);
    const page = await hugoPlanner.planNewPost(fs, site, { title: 'About me', layout: 'page' }, clock);
    assert.equal(page.path, '/h/content/about-me.md');
    // No archetype for pages: Hugo's own default (YAML).
    assert.equal(page.content, '---\ntitle: "About me"\ndate: 2026-03-02T17:32:05+08:00\ndraft: true\n---\n\n');
  });

  it('publishes in place by clearing the draft flag, and stamps lastmod, each as one edit', async () => {
    const fs = new MemoryFileSystem(FILES);
    const site = await loadHugoSite(fs, '/h');
    const text = '+++\ntitle = "A"\ndraft = true\n[params]\nx = 1\n+++\nBody\n';
    const plan = await hugoPlanner.planPublish(fs, site, '/h/content/posts/a.md', text, clock);
    assert.equal(plan.path, '/h/content/posts/a.md');
    // Without a date, Hugo would date the page year 1: publishing writes now.
    assert.equal(plan.content, '+++\ntitle = "A"\ndraft = false\ndate = 2026-03-02T17:32:05+08:00\n[params]\nx = 1\n+++\nBody\n');
    const dated = '---\ntitle: A\ndate: 2020-01-02\ndraft: true\n---\n';
    assert.equal((await hugoPlanner.planPublish(fs, site, '/h/content/posts/d.md', dated, clock)).content, '---\ntitle: A\ndate: 2020-01-02\ndraft: false\n---\n', 'a written date stays');
    const redated = await hugoPlanner.planPublish(fs, site, '/h/content/posts/d.md', dated.replace('date:', 'Date:'), clock, { redate: true });
    assert.equal(redated.content, '---\ntitle: A\nDate: 2026-03-02T17:32:05+08:00\ndraft: false\n---\n', 'or becomes now, when the writer asks');
    assert.equal(redated.operations.length, 1, 'one undoable edit');
    assert.deepEqual(plan.operations.map((operation) => operation.kind), ['edit']);
    const stamped = applyTextEdits(text, hugoPlanner.updateTimestampEdits(site, text, clock.now()));
    assert.equal(stamped, '+++\ntitle = "A"\ndraft = true\nlastmod = 2026-03-02T17:32:05+08:00\n[params]\nx = 1\n+++\nBody\n');
    const yaml = '---\ntitle: A\nLastMod: 2020-01-01\n---\n';
    assert.equal(applyTextEdits(yaml, hugoPlanner.updateTimestampEdits(site, yaml, clock.now())), '---\ntitle: A\nLastMod: 2026-03-02T17:32:05+08:00\n---\n');
    const json = '{\n  "title": "A",\n  "draft": true\n}\nBody\n';
    assert.equal((await hugoPlanner.planPublish(fs, site, '/h/content/posts/j.md', json, clock)).content, '{\n  "title": "A",\n  "draft": false,\n  "date": "2026-03-02T17:32:05+08:00"\n}\nBody\n');
  });
});
