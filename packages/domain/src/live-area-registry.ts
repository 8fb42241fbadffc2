import { AreaRegistry } from './area-registry.ts';
import { CategoryTaxonomy } from './category-taxonomy.ts';

/**
 * An instance of `kind` that answers from whichever instance `current` returns at each call, so a
 * component built once (a route, a consumer, a recompute) sees reference data loaded after it was
 * built without taking a getter. Each method runs on the current instance itself, whose private
 * state it needs; `instanceof` still holds.
 */
function liveInstance<T extends object>(kind: { prototype: T }, current: () => T): T {
  const shape = Object.create(kind.prototype) as T;
  return new Proxy(shape, {
    get(_shape, property) {
      const instance = current();
      const value: unknown = Reflect.get(instance, property, instance);
      return typeof value === 'function' ? value.bind(instance) : value;
    },
  });
}

export function liveAreaRegistry(current: () => AreaRegistry): AreaRegistry {
  return liveInstance(AreaRegistry, current);
}

export function liveCategoryTaxonomy(current: () => CategoryTaxonomy): CategoryTaxonomy {
  return liveInstance(CategoryTaxonomy, current);
}
