import { t } from '../../i18n/l10n';
import type { YamlProblem } from '../../yaml/parseYaml';
import type { Rule } from '../ruleTypes';

function yamlRule(kind: YamlProblem['kind'], id: string, title: string, message: (p: YamlProblem) => string): Rule {
  return {
    id,
    area: 'yaml',
    severity: kind === 'multi-document' || kind === 'tag' ? 'warning' : 'error',
    title,
    run(context, run) {
      run.checked();
      for (const problem of context.document.yaml.problems) {
        if (problem.kind === kind) run.report({ span: problem, message: message(problem) });
      }
    },
  };
}

export const yamlRules: Rule[] = [
  yamlRule('syntax', 'yaml/syntax', 'YAML 语法错误', (p) => t('YAML syntax error: {0}', p.message)),
  yamlRule('duplicate-key', 'yaml/duplicate-key', '同一层级出现重复的键', () => t('Duplicate key: only one value is used')),
  yamlRule('alias', 'yaml/alias', '使用了 YAML 别名（*引用），报告中不展开别名', (p) => t('YAML aliases are not used in reports and are not expanded ({0})', p.message)),
  yamlRule('tag', 'yaml/tag', '使用了自定义 YAML 标签', (p) => t('Custom YAML tags are ignored ({0})', p.message)),
  yamlRule('too-deep', 'yaml/too-deep', '嵌套层级过深', () => t('The document is nested too deeply to be read; the deeper part is ignored')),
  yamlRule('too-large', 'yaml/too-large', '文件过大', (p) => t('The document is too large to be checked ({0})', p.message)),
  yamlRule('multi-document', 'yaml/multi-document', '一个文件中有多个 YAML 文档', () => t('Only the first YAML document of the file is read')),
];
