import common from '../../../../data/templates/common.json';
import henanJiyuan from '../../../../data/templates/henan-jiyuan.json';
import henanQinyang from '../../../../data/templates/henan-qinyang.json';
import hebeiPingxiang from '../../../../data/templates/hebei-pingxiang.json';
import shaanxiChangan from '../../../../data/templates/shaanxi-changan.json';
import shanghai from '../../../../data/templates/shanghai.json';
import { compileTemplate, CommonTemplateData, CompiledTemplate, TemplateCompileError } from './compileTemplate';
import type { FigureDef, KeepDef, NarrativeTemplate, TopicDef } from './templateTypes';

export const TOPICS: readonly TopicDef[] = common.topics as TopicDef[];

/** What every template shares: figures, kept clauses and the topics a section may have. */
export const COMMON: CommonTemplateData = {
  figures: common.figures as Record<string, FigureDef>,
  keeps: common.keeps as Record<string, KeepDef>,
  topics: new Set(TOPICS.map((t) => t.id)),
};

/** The bundled templates' data, as read (data/templates/*.json). */
export const TEMPLATE_SOURCES: readonly unknown[] = [henanJiyuan, henanQinyang, hebeiPingxiang, shaanxiChangan, shanghai];

const compiled = new Map<string, CompiledTemplate>();
const problems = new Map<string, readonly string[]>();
for (const source of TEMPLATE_SOURCES) {
  try {
    const template = compileTemplate(source as NarrativeTemplate, COMMON);
    compiled.set(template.id, template);
  } catch (error) {
    // A template with a mistake is not offered at all (its test names the mistake).
    if (error instanceof TemplateCompileError) problems.set(error.template, error.problems);
    else problems.set(String((source as { id?: unknown })?.id ?? '?'), [String(error)]);
  }
}

/** The templates, by the id a report names in `template:`. */
export const TEMPLATES: ReadonlyMap<string, CompiledTemplate> = compiled;

/** Problems of bundled templates that did not compile (none in a release: a test says so). */
export function templateProblems(): ReadonlyMap<string, readonly string[]> {
  return problems;
}

/**
 * The template a report names. There is no fallback: another province's sentences written
 * into a report would reword it, so a report naming no bundled template is not generated.
 */
export function templateFor(id: string | undefined): CompiledTemplate | undefined {
  return id ? TEMPLATES.get(id.trim()) : undefined;
}

/** The ids of the bundled templates, for messages. */
export function templateIds(): string[] {
  return [...TEMPLATES.keys()];
}
