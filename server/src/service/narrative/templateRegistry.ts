import common from '../../../../data/templates/common.json';
import henanJiyuan from '../../../../data/templates/henan-jiyuan.json';
import henanQinyang from '../../../../data/templates/henan-qinyang.json';
import hebeiPingxiang from '../../../../data/templates/hebei-pingxiang.json';
import shaanxiChangan from '../../../../data/templates/shaanxi-changan.json';
import type { FigureDef, KeepDef, NarrativeTemplate, TopicDef } from './templateTypes';

/** The templates, by the id a report names in `template:`. */
export const TEMPLATES: ReadonlyMap<string, NarrativeTemplate> = new Map(
  ([henanJiyuan, henanQinyang, hebeiPingxiang, shaanxiChangan] as unknown as NarrativeTemplate[]).map((t) => [t.id, t]),
);

/** Used when a report names no template or one without sentences of its own. */
export const FALLBACK_TEMPLATE = 'henan-jiyuan';

export const TOPICS: readonly TopicDef[] = common.topics as TopicDef[];

export function figureDefs(template: NarrativeTemplate): Readonly<Record<string, FigureDef>> {
  return { ...(common.figures as Record<string, FigureDef>), ...(template.figures ?? {}) };
}

export function keepDefs(template: NarrativeTemplate): Readonly<Record<string, KeepDef>> {
  return { ...(common.keeps as Record<string, KeepDef>), ...(template.keeps ?? {}) };
}

export function templateFor(id: string | undefined): { template: NarrativeTemplate; fallback: boolean } {
  const named = id ? TEMPLATES.get(id.trim()) : undefined;
  return named ? { template: named, fallback: false } : { template: TEMPLATES.get(FALLBACK_TEMPLATE)!, fallback: true };
}
