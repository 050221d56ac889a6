/**
 * Sorted, disjoint spans of a text in typed arrays: a post of millions of code spans would otherwise
 * hold millions of small objects. Spans are appended in order.
 */
export class SpanList {
  private starts = new Int32Array(16);
  private ends = new Int32Array(16);
  private kinds = new Uint8Array(16);
  private size = 0;

  get length(): number {
    return this.size;
  }

  /** Appends a span starting at or after the end of the last one (else merges it into the last). */
  push(start: number, end: number, kind = 0): void {
    if (this.size > 0 && start < this.ends[this.size - 1]) {
      this.ends[this.size - 1] = Math.max(this.ends[this.size - 1], end);
      return;
    }
    if (this.size === this.starts.length) {
      this.starts = grow(this.starts, new Int32Array(this.size * 2));
      this.ends = grow(this.ends, new Int32Array(this.size * 2));
      this.kinds = grow(this.kinds, new Uint8Array(this.size * 2));
    }
    this.starts[this.size] = start;
    this.ends[this.size] = end;
    this.kinds[this.size] = kind;
    this.size++;
  }

  start(index: number): number {
    return this.starts[index];
  }

  end(index: number): number {
    return this.ends[index];
  }

  kind(index: number): number {
    return this.kinds[index];
  }

  /** Whether `offset` lies in one of the spans. */
  contains(offset: number): boolean {
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (offset < this.starts[mid]) high = mid - 1;
      else if (offset >= this.ends[mid]) low = mid + 1;
      else return true;
    }
    return false;
  }

  /** The spans of several sorted lists, merged where they touch or overlap. */
  static merge(allLists: readonly SpanList[]): SpanList {
    // Most posts have spans of one kind at most: nothing to merge then.
    const lists = allLists.filter((list) => list.size > 0);
    if (lists.length === 1) return lists[0];
    const merged = new SpanList();
    const at = lists.map(() => 0);
    for (;;) {
      let best = -1;
      lists.forEach((list, index) => {
        if (at[index] < list.size && (best === -1 || list.starts[at[index]] < lists[best].starts[at[best]])) best = index;
      });
      if (best === -1) return merged;
      const list = lists[best];
      const start = list.starts[at[best]];
      const end = list.ends[at[best]];
      at[best]++;
      if (merged.size > 0 && start <= merged.ends[merged.size - 1]) merged.ends[merged.size - 1] = Math.max(merged.ends[merged.size - 1], end);
      else merged.push(start, end);
    }
  }

  static of(spans: readonly { readonly start: number; readonly end: number }[]): SpanList {
    const list = new SpanList();
    for (const span of spans) list.push(span.start, span.end);
    return list;
  }
}

function grow<T extends Int32Array | Uint8Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
