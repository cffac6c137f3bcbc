import ElectronStore from 'electron-store';
import type { JsonStoreFactory } from './json-store.js';

/**
 * `JsonStoreFactory` over `electron-store`, for the Electron main process only (importing
 * electron-store elsewhere starts Electron's binary download). Invalid files throw instead of
 * being reset (`clearInvalidConfig: false`).
 */
export const electronStoreFactory: JsonStoreFactory = ({ cwd, name }) => {
  const store = new ElectronStore<Record<string, unknown>>({
    cwd,
    name,
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  });
  return {
    path: store.path,
    read: () => ({ ...store.store }),
    write: (value) => {
      store.store = value;
    },
  };
};
