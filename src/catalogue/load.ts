// A caller's own templates: validated part by part, then built like the bundled ones.

import { buildCatalogue, type Catalogue } from './index.js';
import { type RawTemplates, validateTemplates } from './schema.js';

/** Validate raw template data and build the lookup structures. */
export function loadCatalogue(data: RawTemplates): Catalogue {
  return buildCatalogue(validateTemplates(data));
}
