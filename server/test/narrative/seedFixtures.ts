import * as fs from 'fs';
import * as path from 'path';
import { ROOT, readSample } from '../helpers';
import { templateFor } from '../../src/service/narrative/templateRegistry';

export const NARRATIVE_TESTS = path.join(ROOT, 'server', 'test', 'narrative');

/** The seed samples (samples/NNN-*.budget.yaml). */
export const SEED_SAMPLES = fs.readdirSync(path.join(ROOT, 'samples')).filter((f) => /^\d{3}-.*\.budget\.yaml$/.test(f)).sort();

/** The seed samples whose `template:` is bundled: the ones the generator writes (the others it refuses). */
export const GENERATED_SEEDS = SEED_SAMPLES.filter((sample) => templateFor(/^template:\s*(\S+)/m.exec(readSample(sample))?.[1]) !== undefined);

/**
 * A seed sample with last year's figures recovered from its own change sentences
 * (fixtures/<sample>.previous.yaml) inserted before `tables:`, so that change sentences can be
 * generated and compared with the published ones.
 */
export function sampleWithPrevious(sample: string): string {
  const text = readSample(sample);
  const fixture = path.join(NARRATIVE_TESTS, 'fixtures', sample.replace(/\.budget\.yaml$/, '.previous.yaml'));
  if (!fs.existsSync(fixture)) return text;
  const previous = fs.readFileSync(fixture, 'utf8').trimEnd() + '\n\n';
  const at = text.search(/^tables:/m);
  return at < 0 ? text + '\n' + previous : text.slice(0, at) + previous + text.slice(at);
}

/** Spaces carry no meaning in the seeds' prose (PDF extraction puts them around digits). */
export function withoutSpaces(text: string): string {
  return text.replace(/[ \t\u3000]+/g, '');
}
