/** localStorage as the browser has it, in memory. */
export class MemoryStorage implements Storage {
  private m = new Map<string, string>();
  full = false;
  get length() {
    return this.m.size;
  }
  clear() {
    this.m.clear();
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
  /** What the browser has written to disk so far (Chromium writes localStorage in batches). */
  snapshot(): Map<string, string> {
    return new Map(this.m);
  }
  /** A killed browser: localStorage comes back as it was last written to disk. */
  restore(snapshot: Map<string, string>) {
    this.m = new Map(snapshot);
  }
  setItem(k: string, v: string) {
    if (this.full) throw new DOMException('full', 'QuotaExceededError');
    this.m.set(k, v);
  }
}
