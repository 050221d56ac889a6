/** The parts of Nunjucks' parser that the template check uses (the package ships no types). */
declare module 'nunjucks/src/parser' {
  export function parse(src: string, extensions?: unknown[], opts?: object): import('nunjucks/src/nodes').Node;
}

declare module 'nunjucks/src/lexer' {
  export const TOKEN_BLOCK_END: string;
}

declare module 'nunjucks/src/nodes' {
  export class Node {
    readonly typename: string;
    lineno: number;
    colno: number;
    readonly fields: readonly string[];
    [field: string]: unknown;
  }
  export class NodeList extends Node {
    constructor(lineno: number, colno: number, children?: Node[]);
  }
  export class Symbol extends Node {
    value: string;
  }
  export class LookupVal extends Node {
    target: Node;
  }
  export class FunCall extends Node {
    name: Node;
  }
  export class Filter extends FunCall {
    name: Symbol;
  }
}

declare module 'nunjucks/src/filters' {
  const filters: Record<string, unknown>;
  export = filters;
}
