/** The store a command works on: the database named by `--config` (or the environment), closed when the command ends. */
import { loadConfig, type Config } from '../config/index.ts';
import { openStore, type Store } from '../store/index.ts';

/** Opens the store, runs `use`, and closes the store however `use` ends. */
export async function withStore<T>(configFile: string | undefined, use: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(configFile ? { file: configFile } : {});
  const store = await openStore(config.database);
  try {
    return await use(store, config);
  } finally {
    await store.close();
  }
}
