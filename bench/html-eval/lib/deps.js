// Loads the libraries under evaluation from $DEPS (default /tmp/html-eval-deps, filled by
// prepare.sh), never from the project: they are candidates, not dependencies.
import { createRequire } from 'node:module';

const DEPS = process.env.DEPS ?? '/tmp/html-eval-deps';
const require = createRequire(`${DEPS}/node_modules/`);

/**
 * One candidate library by its package name (CommonJS entry; typed `any` on purpose: the
 * project's type check must not depend on packages it does not install).
 * @param {string} name
 * @returns {any}
 */
export const dep = (name) => require(name);

/**
 * An ESM-only candidate library by its package name.
 * @param {string} name
 * @returns {Promise<any>}
 */
export const depEsm = (name) => import(require.resolve(name));
