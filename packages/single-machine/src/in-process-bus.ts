import type { FiguresUpdated } from '@crimestats/contracts';
import type { FiguresUpdatesSink } from '@crimestats/aggregator';

type Listener = (updates: FiguresUpdated[]) => void;

/**
 * Single-machine mode's stand-in for the figures-updated topic: subscribers in this process hear
 * each batch of notices after the figures are computed.
 */
export class FiguresUpdatesBus implements FiguresUpdatesSink {
  readonly #listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async publish(updates: FiguresUpdated[]): Promise<void> {
    if (updates.length === 0) return;
    for (const listener of this.#listeners) listener(updates);
  }
}
