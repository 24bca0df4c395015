/** A list of distinct values (outlet names, story labels) with a live count each. */
export class Labels {
  readonly names: string[] = [];
  readonly counts: number[] = [];
  private readonly ids = new Map<string, number>();

  constructor(names: readonly string[] = []) {
    for (const name of names) this.id(name);
  }

  id(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
      this.counts.push(0);
    }
    return id;
  }

  find(name: string): number | undefined {
    return this.ids.get(name);
  }

  /** Names with at least one live record, most records first, then by name. */
  tally(): { name: string; count: number }[] {
    const out: { name: string; count: number }[] = [];
    this.names.forEach((name, i) => {
      const count = this.counts[i]!;
      if (count > 0) out.push({ name, count });
    });
    return out.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
