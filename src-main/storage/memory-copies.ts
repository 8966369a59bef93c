// MemoryStore's records by id, kept and handed out as copies: a caller changing an object it
// saved or read never changes the record (as with a database).
export class CopiesById<T extends { id: string }> {
  private readonly byId = new Map<string, T>();

  /** Inserts or replaces by id. */
  save(v: T): void {
    this.byId.set(v.id, structuredClone(v));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): T | null {
    const v = this.byId.get(id);
    return v ? structuredClone(v) : null;
  }

  /** The records as kept (not copies: copy what leaves the store). */
  values(): IterableIterator<T> {
    return this.byId.values();
  }
}
