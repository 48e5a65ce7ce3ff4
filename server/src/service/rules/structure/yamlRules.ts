import { t } from '../../i18n/l10n';
import { yamlSyntaxText } from '../../yaml/syntaxMessages';
import { DEFAULT_LIMITS, YamlProblem } from '../../yaml/parseYaml';
import type { Rule } from '../ruleTypes';

function yamlRule(kind: YamlProblem['kind'], id: string, title: string, message: (p: YamlProblem, text: string) => string): Rule {
  return {
    id,
    area: 'yaml',
    severity: kind === 'multi-document' || kind === 'tag' ? 'warning' : 'error',
    title,
    run(context, run) {
      run.checked();
      for (const problem of context.document.yaml.problems) {
        if (problem.kind === kind) run.report({ span: problem, message: message(problem, context.text) });
      }
    },
  };
}

/** The plain message of a YAML problem, as its rule reports it (also for the export's list of problems). */
export function yamlProblemText(problem: YamlProblem, text: string): string {
  return MESSAGES[problem.kind](problem, text);
}

const MESSAGES: Readonly<Record<YamlProblem['kind'], (p: YamlProblem, text: string) => string>> = {
  syntax: (p) => t('YAML syntax error: {0}', yamlSyntaxText(p.code)),
  'duplicate-key': () => t('Duplicate key: only one value is used'),
  alias: (p, text) => t('YAML aliases are not used in reports and are not expanded ({0})', text.slice(p.start, p.end)),
  tag: (p) => t('Custom YAML tags are ignored ({0})', /^tag (.+) is ignored$/.exec(p.message)?.[1] ?? ''),
  'too-deep': () => t('The document is nested too deeply to be read; the deeper part is ignored'),
  'too-large': (_p, text) => t('The document is too large to be checked ({0})', t('{0} characters; the limit is {1}', text.length, DEFAULT_LIMITS.maxLength)),
  'multi-document': () => t('Only the first YAML document of the file is read'),
};

export const yamlRules: Rule[] = [
  yamlRule('syntax', 'yaml/syntax', 'YAML 语法错误', MESSAGES.syntax),
  yamlRule('duplicate-key', 'yaml/duplicate-key', '同一层级出现重复的键', MESSAGES['duplicate-key']),
  yamlRule('alias', 'yaml/alias', '使用了 YAML 别名（*引用），报告中不展开别名', MESSAGES.alias),
  yamlRule('tag', 'yaml/tag', '使用了自定义 YAML 标签', MESSAGES.tag),
  yamlRule('too-deep', 'yaml/too-deep', '嵌套层级过深', MESSAGES['too-deep']),
  yamlRule('too-large', 'yaml/too-large', '文件过大', MESSAGES['too-large']),
  yamlRule('multi-document', 'yaml/multi-document', '一个文件中有多个 YAML 文档', MESSAGES['multi-document']),
];
