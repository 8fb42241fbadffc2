/**
 * Serialises work per force within one process. Records and populations of a force come from two
 * topics, so two batches touching it can be in hand at once; their recomputes must not interleave,
 * or the one that read less could store last. Keys are taken in sorted order, so two holders of
 * overlapping sets never wait on each other in a cycle.
 */
export class ForceLocks {
  readonly #tails = new Map<string, Promise<void>>();

  async run<T>(forces: Iterable<string>, work: () => Promise<T>): Promise<T> {
    const releases: Array<() => void> = [];
    try {
      for (const force of [...new Set(forces)].sort()) releases.push(await this.#acquire(force));
      return await work();
    } finally {
      for (const release of releases.reverse()) release();
    }
  }

  /** Forces held or waited for now. */
  busy(): string[] {
    return [...this.#tails.keys()];
  }

  async #acquire(force: string): Promise<() => void> {
    const previous = this.#tails.get(force) ?? Promise.resolve();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => held);
    this.#tails.set(force, tail);
    await previous;
    return () => {
      release();
      if (this.#tails.get(force) === tail) this.#tails.delete(force);
    };
  }
}
