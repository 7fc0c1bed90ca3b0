/**
 * Development only (tests run the TypeScript sources): lets a worker thread started from `.ts`
 * sources resolve our `.js`-suffixed relative imports to the `.ts` files next to them.
 * Node 24 strips the types itself. The bundle never loads this file.
 */
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (/^\.{1,2}\//.test(specifier) && specifier.endsWith('.js')) return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      throw error;
    }
  },
});
