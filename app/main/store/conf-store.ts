import Conf from 'conf';
import type { JsonStoreFactory } from './json-store.js';

/**
 * `JsonStoreFactory` over `conf` for plain Node. Invalid files throw instead of being reset
 * (`clearInvalidConfig: false`): a damaged store is never silently wiped.
 */
export const confStoreFactory: JsonStoreFactory = ({ cwd, name }) => {
  const conf = new Conf<Record<string, unknown>>({
    cwd,
    configName: name,
    projectName: 'attest',
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  });
  return {
    path: conf.path,
    read: () => ({ ...conf.store }),
    write: (value) => {
      conf.store = value;
    },
  };
};
