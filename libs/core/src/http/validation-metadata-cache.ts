import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Grouping = Storage['groupByPropertyName'];

const INSTALLED = Symbol.for('carebook.validationMetadataCache');

/**
 * Memoises class-validator's per-class metadata lookup. On every `validate()` it walks every
 * registered DTO class (`prototype instanceof`, for inherited decorators such as PageQueryDto's)
 * and regroups the result by property: ~0.3 ms per request here, for an answer that only changes
 * when a decorator registers more metadata. The cache holds the answers of group-less lookups
 * (the only kind the API's ValidationPipe makes) per class and is dropped whenever metadata is
 * added, so results are exactly those of the uncached lookup. Callers only read these arrays.
 * Idempotent: one install per process, shared by every app in it.
 */
export function installValidationMetadataCache(storage: Storage = getMetadataStorage()): void {
  const target = storage as Storage & { [INSTALLED]?: true };
  if (target[INSTALLED]) return;
  target[INSTALLED] = true;

  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group: Grouping = storage.groupByPropertyName.bind(storage);
  const addMetadata = storage.addValidationMetadata.bind(storage);
  let byClass = new WeakMap<object, Map<string, ValidationMetadata[]>>();
  let grouped = new WeakMap<ValidationMetadata[], Record<string, ValidationMetadata[]>>();

  storage.addValidationMetadata = (metadata) => {
    byClass = new WeakMap();
    grouped = new WeakMap();
    addMetadata(metadata);
  };

  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    if (targetSchema || groups?.length || typeof targetConstructor !== 'function')
      return lookup(targetConstructor, targetSchema, always, strictGroups, groups);
    let perOptions = byClass.get(targetConstructor);
    if (!perOptions) byClass.set(targetConstructor, (perOptions = new Map()));
    const key = `${always ? 1 : 0}${strictGroups ? 1 : 0}`;
    let found = perOptions.get(key);
    if (!found) perOptions.set(key, (found = lookup(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };

  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
