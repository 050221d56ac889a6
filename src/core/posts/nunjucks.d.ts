/** The part of Nunjucks that scaffold rendering uses (the package ships no types). */
declare module 'nunjucks' {
  export class Environment {
    constructor(loader?: null, options?: { autoescape?: boolean; throwOnUndefined?: boolean });
    renderString(template: string, context: object): string;
  }
}
