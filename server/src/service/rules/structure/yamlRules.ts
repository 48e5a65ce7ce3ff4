import type { YamlProblem } from '../../yaml/parseYaml';
import { yamlProblemText } from '../../yaml/problemMessages';
import type { Rule } from '../ruleTypes';

/** The rule that reports the YAML problems of one kind, each with its message (yaml/problemMessages.ts). */
function yamlRule(kind: YamlProblem['kind'], id: string, title: string): Rule {
  return {
    id,
    area: 'yaml',
    severity: kind === 'multi-document' || kind === 'tag' ? 'warning' : 'error',
    title,
    run(context, run) {
      run.checked();
      for (const problem of context.document.yaml.problems) {
        if (problem.kind === kind) run.report({ span: problem, message: yamlProblemText(problem, context.text) });
      }
    },
  };
}

export const yamlRules: Rule[] = [
  yamlRule('syntax', 'yaml/syntax', 'YAML 语法错误'),
  yamlRule('duplicate-key', 'yaml/duplicate-key', '同一层级出现重复的键'),
  yamlRule('alias', 'yaml/alias', '使用了 YAML 别名（*引用），报告中不展开别名'),
  yamlRule('tag', 'yaml/tag', '使用了自定义 YAML 标签'),
  yamlRule('too-deep', 'yaml/too-deep', '嵌套层级过深'),
  yamlRule('too-large', 'yaml/too-large', '文件过大'),
  yamlRule('multi-document', 'yaml/multi-document', '一个文件中有多个 YAML 文档'),
];
