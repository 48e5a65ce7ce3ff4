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

export const TOPICS: readonly TopicDef[] = common.topics as TopicDef[];

export function figureDefs(template: NarrativeTemplate): Readonly<Record<string, FigureDef>> {
  return { ...(common.figures as Record<string, FigureDef>), ...(template.figures ?? {}) };
}

export function keepDefs(template: NarrativeTemplate): Readonly<Record<string, KeepDef>> {
  return { ...(common.keeps as Record<string, KeepDef>), ...(template.keeps ?? {}) };
}

/**
 * The template a report names. There is no fallback: another province's sentences written
 * into a report would reword it, so a report naming no bundled template is not generated.
 */
export function templateFor(id: string | undefined): NarrativeTemplate | undefined {
  return id ? TEMPLATES.get(id.trim()) : undefined;
}

/** The ids of the bundled templates, for messages. */
export function templateIds(): string[] {
  return [...TEMPLATES.keys()];
}
