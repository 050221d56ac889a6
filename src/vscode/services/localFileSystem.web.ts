import type { createLocalFileSystem as NodeVariant } from './localFileSystem';

/**
 * The browser build's stand-in for localFileSystem.ts (scripts/build.mjs takes a `*.web.ts` over its
 * sibling): a web worker has no Node fs, so every folder is read through `workspace.fs`.
 */
export const createLocalFileSystem: typeof NodeVariant = () => undefined;
