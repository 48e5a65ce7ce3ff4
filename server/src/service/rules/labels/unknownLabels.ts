import { t } from '../../i18n/l10n';
import { itemIdOf, ITEM_IDS, likelyItemIds } from '../../model/itemLists';
import { ITEM_LISTS } from '../../model/tableDefs';
import { tableTitle } from '../../schema/schemaInfo';
import { normalizeName } from '../../codes/names';
import { classEntries } from '../../figures/figurePaths';
import { DEFAULT_TOPIC_ID, knownTopic, likelyTopics, topicOf, TOPIC_IDS } from '../../prose/dictionary';
import type { Fix, OffsetEdit } from '../../findings';
import type { ItemEntry, Section, Table } from '../../model/types';
import type { CodeTables } from '../../codes/codeTables';
import type { Span } from '../../yaml/ast';
import type { Rule, RuleContext } from '../ruleTypes';

/**
 * Labels the vocabulary does not know (issue 12). They are never read as 0 and never make a
 * check pass: every relation that needs one says "could not check". These rules show the label
 * itself, as information, with quick fixes that state what it probably means (`id:` on an
 * item, `code:` on a 类 line, `topic:` on a section) — after which it is checked.
 */

/** Income lists name standard items; expense lists name 功能分类 类. */
const INCOME_LISTS = new Set(['income']);
const CLASS_LISTS = new Set(['expense']);

function hasAmount(entry: ItemEntry): boolean {
  return [...entry.cells.values()].some((cell) => !cell.amount.blank && !cell.amount.value.isZero());
}

/** An edit that adds `key: value` to the mapping of an entry, right after its label. */
function addKeyAfter(text: string, entrySpan: Span, label: Span, key: string, value: string): OffsetEdit {
  const flow = text[entrySpan.start] === '{';
  if (flow) return { span: { start: label.end, end: label.end }, newText: `, ${key}: ${value}` };
  const lineStart = text.lastIndexOf('\n', label.start - 1) + 1;
  const keyColumn = text.slice(lineStart, label.start).search(/[A-Za-z_]/);
  const indent = ' '.repeat(Math.max(0, keyColumn));
  return { span: { start: label.end, end: label.end }, newText: `\n${indent}${key}: ${value}` };
}

function idFixes(context: RuleContext, entry: ItemEntry, ids: readonly string[]): Fix[] {
  return ids.map((id) => ({
    title: t('It means {0} ({1}): add id: {1}', ITEM_IDS.get(id)?.labels[0] ?? id, id),
    edits: [addKeyAfter(context.text, entry.span, entry.label.span, 'id', id)],
  }));
}

function checkIncomeList(context: RuleContext, table: Table, entries: readonly ItemEntry[], report: (span: Span, message: string, fixes: Fix[]) => void): number {
  let checked = 0;
  entries.forEach((entry, index) => {
    checked++;
    if (entry.id && !ITEM_IDS.has(entry.id.value.trim())) {
      report(entry.id.span, t('"{0}" is not a standard item id; known ids: {1}', entry.id.value, [...ITEM_IDS.keys()].join(', ')), []);
      return;
    }
    if (itemIdOf(entries, index) !== undefined || !hasAmount(entry)) return;
    const label = entry.label.value.trim();
    const likely = likelyItemIds(entry.bareLabel);
    const guess = likely.length ? t('it probably means {0}', likely.map((id) => `${ITEM_IDS.get(id)!.labels[0]}（${id}）`).join(t(' or '))) : t('say with id: what it is');
    report(entry.label.span, t('{0}: the checker does not understand the item "{1}"; the checks that need it are not done ({2})', tableTitle(table.key), label, guess), idFixes(context, entry, likely));
  });
  return checked;
}

function likelyClasses(codes: CodeTables, label: string, year: number | undefined): string[] {
  const bare = normalizeName(label);
  const scored: Array<{ code: string; score: number }> = [];
  for (const entry of codes.entries('function', year)) {
    if (entry.code.length !== 3) continue;
    const name = normalizeName(entry.name);
    const shared = [...new Set(bare)].filter((ch) => name.includes(ch)).length;
    const score = shared / Math.max(new Set(bare).size, new Set(name).size);
    if (score >= 0.5) scored.push({ code: entry.code, score });
  }
  return scored.sort((a, b) => b.score - a.score || a.code.localeCompare(b.code)).slice(0, 3).map((s) => s.code);
}

function checkClassList(context: RuleContext, table: Table, entries: readonly ItemEntry[], report: (span: Span, message: string, fixes: Fix[]) => void): number {
  const year = context.settings.codeYear ?? context.report.year;
  let checked = 0;
  for (const index of classEntries(entries, context.codes)) {
    const entry = entries[index];
    checked++;
    if (entry.code || context.codes.classOfLabel(entry.bareLabel) || !hasAmount(entry)) continue;
    const likely = likelyClasses(context.codes, entry.bareLabel, year);
    const guess = likely.length ? t('it probably means {0}', likely.map((code) => `${code} ${context.codes.lookup(code, year)?.name ?? ''}`).join(t(' or '))) : t('say with code: which 类 it is');
    const fixes = likely.map((code) => ({ title: t('It is 类 {0} {1}: add code: "{0}"', code, context.codes.lookup(code, year)?.name ?? ''), edits: [addKeyAfter(context.text, entry.span, entry.label.span, 'code', `"${code}"`)] }));
    report(entry.label.span, t('{0}: "{1}" is not a name of a 功能分类 类 the checker knows; the class-by-class checks leave it out ({2})', tableTitle(table.key), entry.label.value.trim(), guess), fixes);
  }
  return checked;
}

export const unknownItemLabel: Rule = {
  id: 'label/unknown-item',
  area: 'label',
  severity: 'information',
  title: '收支总表、财政拨款收支总表中检查器不认识的项目名称（需要它的核对记为未能检查，可用 id: 或 code: 注明）',
  run(context, run) {
    for (const table of context.report.tables.values()) {
      const lists = ITEM_LISTS[table.key]?.lists ?? [];
      for (const key of lists) {
        const entries = table.lists.get(key);
        if (!entries) continue;
        const report = (span: Span, message: string, fixes: Fix[]) => run.report({ span, message, data: { fixes } });
        let checked = 0;
        if (INCOME_LISTS.has(key)) checked = checkIncomeList(context, table, entries, report);
        else if (CLASS_LISTS.has(key)) checked = checkClassList(context, table, entries, report);
        if (checked) run.checked(checked);
      }
    }
  },
};

function sectionFix(context: RuleContext, section: Section, topic: string): Fix | undefined {
  const title = section.title;
  if (!title) return undefined;
  if (section.topic) return { title: t('It is about {0}: topic: {1}', TOPIC_IDS.get(topic) ?? topic, topic), edits: [{ span: section.topic.span, newText: topic }] };
  return { title: t('It is about {0}: topic: {1}', TOPIC_IDS.get(topic) ?? topic, topic), edits: [addKeyAfter(context.text, section.span, title.span, 'topic', topic)] };
}

export const unknownSectionTopic: Rule = {
  id: 'label/unknown-section',
  area: 'label',
  severity: 'information',
  title: '说明章节的 topic: 写了检查器不认识的主题，或一级章节的标题检查器不认识（其中数字按各章通用的名称核对）',
  run(context, run) {
    const visit = (sections: readonly Section[], depth: number): void => {
      for (const section of sections) {
        run.checked();
        const written = section.topic?.value.trim();
        if (written && !knownTopic(written)) {
          const fixes = likelyTopics(written).map((id) => sectionFix(context, section, id)).filter((f): f is Fix => !!f);
          run.report({ span: section.topic!.span, message: t('"{0}" is not a topic the checker knows; known topics: {1}', written, [...TOPIC_IDS.keys()].join(', ')), data: { fixes } });
        } else if (!written && depth === 0 && section.title && topicOf(section, undefined).id === DEFAULT_TOPIC_ID && /\d/.test(section.text?.value ?? '')) {
          const fixes = likelyTopics(section.title.value).map((id) => sectionFix(context, section, id)).filter((f): f is Fix => !!f);
          run.report({ span: section.title.span, message: t('The checker does not recognise what the section "{0}" is about; its figures are read with the names every section shares (topic: says what it is about)', section.title.value.trim()), data: { fixes } });
        }
        visit(section.sections, depth + 1);
      }
    };
    visit(context.report.narrative, 0);
  },
};

export const labelRules: Rule[] = [unknownItemLabel, unknownSectionTopic];
