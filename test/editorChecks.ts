/**
 * A tiny runner for the short editor check lists (the packaged .vsix, Restricted Mode) that run as
 * their own extensionTestsPath: runs each check, prints `<suite>: N passed, N failed` (the line the
 * integration runner reads) and rejects when any failed.
 */
export type EditorCheck = readonly [name: string, body: () => Promise<void>];

export async function runEditorChecks(suite: string, checks: readonly EditorCheck[]): Promise<void> {
  let passed = 0;
  let failed = 0;
  for (const [name, body] of checks) {
    try {
      await body();
      passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      failed++;
      console.log(`  ✖ ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`${suite}: ${passed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} ${suite} check(s) failed`);
}
