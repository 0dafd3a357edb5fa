// Where the metadata cache lives: a module of its own, so that commands that never open the
// cache (grep) need not load the cache's code to name it.

import path from 'node:path';

/** `$XDG_CACHE_HOME/corpus`, else `~/.cache/corpus`. */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: string): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'corpus');
}
