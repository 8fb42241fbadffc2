import { AreaRegistry } from './area-registry.ts';

/**
 * An AreaRegistry that answers from whichever registry `current` returns at each call, so a
 * component built once (a route, a consumer, a recompute) sees areas loaded after it was built
 * without taking a getter. Each method runs on the current registry itself, whose private state
 * it needs; `instanceof AreaRegistry` still holds.
 */
export function liveAreaRegistry(current: () => AreaRegistry): AreaRegistry {
  const shape = Object.create(AreaRegistry.prototype) as AreaRegistry;
  return new Proxy(shape, {
    get(_shape, property) {
      const registry = current();
      const value: unknown = Reflect.get(registry, property, registry);
      return typeof value === 'function' ? value.bind(registry) : value;
    },
  });
}
