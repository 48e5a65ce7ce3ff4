import { t } from '../../i18n/l10n';
import { validateSchema, SchemaProblem, SchemaProblemKind } from '../../schema/validateSchema';
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

function describe(problem: SchemaProblem): string {
  const where = problem.path ? problem.path.slice(1).replace(/\//g, '.') : t('the document');
  const title = problem.title ? `（${problem.title}）` : '';
  switch (problem.kind) {
    case 'unknown-key':
      return t('Unknown key "{0}" in {1}', String(problem.params.additionalProperty), where);
    case 'required':
      return t('Missing required key "{0}"{1} in {2}', String(problem.params.missingProperty), title, where);
    case 'type':
      return t('{0}{1} should be {2}', where, title, describeType(String(problem.params.type)));
    case 'enum':
      return t('{0}{1} must be one of: {2}', where, title, (problem.allowed ?? []).join('、'));
    default:
      return t('{0}{1} is not valid ({2})', where, title, problem.keyword);
  }
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
      for (const problem of problems(context)) if (problem.kind === kind) run.report({ span: problem.span, message: describe(problem) });
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
