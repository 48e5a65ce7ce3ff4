import enumSynonyms from '../../../../../data/enum-synonyms.json';
import { t } from '../../i18n/l10n';
import type { Fix } from '../../findings';
import { validateSchema, pathSegments, SchemaProblem, SchemaProblemKind } from '../../schema/validateSchema';
import { objectKeys, schemaAtPath } from '../../schema/schemaInfo';
import { nearestKey } from '../../schema/keyTypos';
import type { Rule, RuleContext } from '../ruleTypes';

const cache = new WeakMap<RuleContext['document'], SchemaProblem[]>();

function problems(context: RuleContext): SchemaProblem[] {
  let result = cache.get(context.document);
  if (!result) {
    result = validateSchema(context.document.yaml.root, context.text.length);
    cache.set(context.document, result);
  }
  return result;
}

/**
 * Where a problem is, as people count: `tables.expense.rows 第 2 行 unit`, `narrative 第 3 项 sections 第 1 项`
 * (a JSON pointer counts from 0).
 */
export function describePath(pointer: string): string {
  if (!pointer) return t('the document');
  const segments = pathSegments(pointer);
  let text = '';
  segments.forEach((segment, i) => {
    if (typeof segment === 'number') text += ' ' + (segments[i - 1] === 'rows' ? t('row {0}', segment + 1) : t('item {0}', segment + 1));
    else text += (i === 0 ? '' : typeof segments[i - 1] === 'number' ? ' ' : '.') + segment;
  });
  return text;
}

/** Keys whose values are classification or unit codes. */
const CODE_KEYS = new Set(['code', 'gov_code', 'unit', 'catalog_no']);

const SYNONYMS = enumSynonyms as unknown as Record<string, Record<string, string>>;

interface Described {
  readonly message: string;
  readonly fixes: Fix[];
}

/** What the problem is and what to do about it, with the edit when one reading is clear. */
function describe(problem: SchemaProblem, text: string): Described {
  const where = describePath(problem.path);
  const title = problem.title ? `（${problem.title}）` : '';
  const raw = text.slice(problem.span.start, problem.span.end);
  const segments = pathSegments(problem.path);
  const key = segments[segments.length - 1];
  switch (problem.kind) {
    case 'unknown-key': {
      const written = String(problem.params.additionalProperty);
      const parent = schemaAtPath(segments);
      const nearest = nearestKey(written, objectKeys(parent).filter((k) => !problem.siblings?.includes(k)));
      if (!nearest) return { message: t('Unknown key "{0}" in {1}', written, where), fixes: [] };
      return {
        message: t('Unknown key "{0}" in {1}: did you mean "{2}"?', written, where, nearest),
        fixes: [{ title: t('Rename to "{0}"', nearest), edits: [{ span: problem.span, newText: nearest }] }],
      };
    }
    case 'required':
      return { message: t('Missing required key "{0}"{1} in {2}', String(problem.params.missingProperty), title, where), fixes: [] };
    case 'type':
      return typeProblem(problem, where, title, raw, key);
    case 'enum':
      return enumProblem(problem, where, title, raw, key);
    default:
      return { message: t('{0}{1} is not valid ({2})', where, title, problem.keyword), fixes: [] };
  }
}

function typeProblem(problem: SchemaProblem, where: string, title: string, raw: string, key: string | number | undefined): Described {
  const expected = String(problem.params.type);
  const plain = raw.length > 0 && !/^["'|>[{]/.test(raw.trim()) && !raw.includes('\n');
  if (expected.split(',').includes('string') && plain) {
    // A number or true/false where text belongs: quoted, it is read as written.
    const quoted = raw.includes('"') ? `'${raw.replace(/'/g, "''")}'` : `"${raw}"`;
    const fixes = [{ title: t('Put it in quotes: {0}', quoted), edits: [{ span: problem.span, newText: quoted }], certain: true }];
    return typeof key === 'string' && CODE_KEYS.has(key)
      ? { message: t('{0}{1} is a code: put codes in quotes ({2}); unquoted, YAML reads it as a number and drops leading zeros', where, title, quoted), fixes }
      : { message: t('{0}{1} should be text: put it in quotes ({2})', where, title, quoted), fixes };
  }
  if (expected === 'integer' || expected === 'number') {
    // 2025年, 2025 年度, ２０２５: the one number written, without its word.
    const digits = /^[^\d０-９]*([\d０-９]+)[^\d０-９]*$/.exec(raw)?.[1]?.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
    const fixes = digits && plain ? [{ title: t('Replace with {0}', digits), edits: [{ span: problem.span, newText: digits }], certain: true }] : [];
    return { message: digits ? t('{0}{1} should be a whole number: write only the digits ({2})', where, title, digits) : t('{0}{1} should be {2}', where, title, describeType(expected)), fixes };
  }
  return { message: t('{0}{1} should be {2}', where, title, describeType(expected)), fixes: [] };
}

function enumProblem(problem: SchemaProblem, where: string, title: string, raw: string, key: string | number | undefined): Described {
  const allowed = (problem.allowed ?? []).map(String);
  const value = raw.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  const synonym = typeof key === 'string' ? SYNONYMS[key]?.[value] : undefined;
  const sameLetters = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  const likely = synonym ?? sameLetters ?? nearestKey(value, allowed);
  const message = likely ? t('{0}{1} must be one of: {2} ("{3}" is written {4})', where, title, allowed.join('、'), value, likely) : t('{0}{1} must be one of: {2}', where, title, allowed.join('、'));
  const fixes = likely ? [{ title: t('Replace with {0}', likely), edits: [{ span: problem.span, newText: likely }], certain: !!(synonym ?? sameLetters) }] : [];
  return { message, fixes };
}

function describeType(type: string): string {
  const names: Record<string, string> = { string: t('text'), number: t('a number'), integer: t('a whole number'), object: t('a mapping (key: value)'), array: t('a list (- items)'), boolean: t('true or false'), null: t('blank') };
  return type.split(',').map((part) => names[part] ?? part).join(t(' or '));
}

function schemaRule(kind: SchemaProblemKind, title: string): Rule {
  return {
    id: `schema/${kind}`,
    area: 'schema',
    severity: kind === 'unknown-key' ? 'warning' : 'error',
    title,
    run(context, run) {
      run.checked();
      for (const problem of problems(context)) {
        if (problem.kind !== kind) continue;
        const { message, fixes } = describe(problem, context.text);
        run.report({ span: problem.span, message, data: fixes.length ? { fixes } : undefined });
      }
    },
  };
}

export const schemaRules: Rule[] = [
  schemaRule('unknown-key', '报告格式中没有的键（拼写错误或不支持的表、列）'),
  schemaRule('required', '缺少必填的键（如 department、year、unit）'),
  schemaRule('type', '值的类型不对（如编码未加引号、应为列表却写成了文字）'),
  schemaRule('enum', '值不在允许的取值中（如 kind 只能是 department 或 unit）'),
  schemaRule('invalid', '其他不符合报告格式的写法'),
];
