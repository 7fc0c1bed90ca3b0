/** The --vary list (the action's `vary` input too): names to switch on, `-name` to switch off, `all`, `none`. */
import { OperationError } from '../errors.js';
import { suggestion } from '../commands/did-you-mean.js';
import { escapeControls } from '../report/escape.js';
import { VARIATION_NAMES, type VariationName } from './variations.js';

/**
 * Items are read left to right, comma or space separated, over all the values given. A list that
 * starts by removing (`-file-order`) starts from all of them; one that starts with a name starts
 * from none. No values at all means all.
 */
export function parseVaryList(values: readonly string[], option = '--vary'): VariationName[] {
  const items = values.flatMap((v) => v.split(/[\s,]+/)).filter((s) => s !== '');
  const on = new Set<VariationName>(items.length === 0 || items[0]?.startsWith('-') === true ? VARIATION_NAMES : []);
  for (const item of items) {
    const remove = item.startsWith('-');
    const name = remove ? item.slice(1) : item;
    if (name === 'all' || name === 'none') {
      if ((name === 'all') !== remove) VARIATION_NAMES.forEach((n) => on.add(n));
      else on.clear();
      continue;
    }
    if (!(VARIATION_NAMES as readonly string[]).includes(name)) {
      const hint = suggestion(name, [...VARIATION_NAMES, 'all', 'none']);
      throw new OperationError('E_USAGE', `unknown variation ${escapeControls(JSON.stringify(name))} in ${option}${hint}; valid: ${VARIATION_NAMES.join(', ')}, all, none`);
    }
    if (remove) on.delete(name as VariationName);
    else on.add(name as VariationName);
  }
  return VARIATION_NAMES.filter((n) => on.has(n));
}
