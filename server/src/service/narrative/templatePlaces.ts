import placesData from '../../../../data/template-places.json';
import { templateFor } from './templateRegistry';

const PLACES = placesData.places as Record<string, readonly string[]>;

/**
 * The bundled template of the place a report names in its title or department (data/template-
 * places.json), for importers of documents that do not say which template they follow. Undefined
 * when no place matches or places of two templates do: an importer never guesses.
 */
export function templateOfPlace(texts: readonly (string | undefined)[]): string | undefined {
  const named = texts.filter((text): text is string => !!text).map((text) => text.replace(/\s+/g, ''));
  const matching = Object.entries(PLACES)
    .filter(([id, places]) => templateFor(id) && places.some((place) => named.some((text) => text.includes(place))))
    .map(([id]) => id);
  return matching.length === 1 ? matching[0] : undefined;
}
