import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { renderForHarness, startHarness, type PreviewHarness } from './harness';

/**
 * The preview page in headless Chromium, as in xss.test.ts: when the follow-up render typesets the
 * formulas above the reader (the first render left them as written), what the reader looks at stays
 * where it was on the screen. Chromium's scroll anchoring does it, as long as a patch leaves the
 * blocks in view alone (morphdom keeps unchanged nodes) and nothing sets `overflow-anchor: none`.
 */
describe('the preview page keeps the reader\'s place when content above them grows', function () {
  this.timeout(60_000);
  let harness: PreviewHarness;
  before(async () => {
    harness = await startHarness();
  });
  after(async () => {
    await harness?.close();
  });

  /** Tall formulas at the top, then enough prose to scroll past them. */
  const matrices = Array.from({ length: 12 }, (_, i) => `$$\n\\begin{pmatrix} a_${i} \\\\ b \\\\ c \\\\ d \\\\ e \\end{pmatrix}\n$$`).join('\n\n');
  const prose = Array.from({ length: 150 }, (_, i) => `第 ${i} 段正文。`).join('\n\n');
  const text = `---\ntitle: 读者的位置\n---\n\n${matrices}\n\n${prose}\n`;
  const READER_LINE = 200;

  async function send(page: Page, bodyHtml: string, headerHtml: string, version: number, newDocument: boolean): Promise<void> {
    await page.evaluate(({ body, header, v, fresh }) => {
      window.postMessage({ type: 'update', resource: 'file:///post.md', headerHtml: header, bodyHtml: body, title: '', locked: false, version: v, newDocument: fresh }, '*');
    }, { body: bodyHtml, header: headerHtml, v: version, fresh: newDocument });
    await page.waitForFunction((v) => ((window as unknown as { __posted: Array<{ type: string; version?: number }> }).__posted).some((message) => message.type === 'rendered' && message.version === v), version);
  }

  it('keeps the first block in view at the same height after the formulas above are typeset', async () => {
    const page = await harness.openPage();
    const first = renderForHarness(harness, text, { documentPath: '/work/post.md', eagerLines: { from: READER_LINE - 20, to: READER_LINE + 100 } });
    assert.ok(first.deferred >= 12, `the first render left the formulas above as written (${first.deferred})`);
    await send(page, first.bodyHtml, first.headerHtml, 1, true);
    const before = await page.evaluate((line) => {
      const block = Array.from(document.querySelectorAll<HTMLElement>('#pc-content [data-line]')).find((element) => Number(element.dataset.line) >= line)!;
      block.scrollIntoView();
      window.scrollBy(0, -40);
      return { line: block.dataset.line, top: block.getBoundingClientRect().top, height: document.documentElement.scrollHeight };
    }, READER_LINE);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the scroll event settles

    const complete = renderForHarness(harness, text, { documentPath: '/work/post.md' });
    assert.equal(complete.deferred, 0);
    await send(page, complete.bodyHtml, complete.headerHtml, 2, false);
    const after = await page.evaluate((line) => {
      const block = document.querySelector<HTMLElement>(`#pc-content [data-line="${line}"]`)!;
      return { top: block.getBoundingClientRect().top, height: document.documentElement.scrollHeight, pending: document.querySelectorAll('.pc-math-pending').length };
    }, before.line);
    assert.equal(after.pending, 0, 'the formulas are typeset');
    assert.ok(after.height > before.height + 100, `the content above grew (${before.height} → ${after.height} px)`);
    assert.ok(Math.abs(after.top - before.top) < 2, `the block stayed at ${before.top} px (now ${after.top} px)`);
    await page.context().close();
  });
});
