import { t } from '../../i18n/l10n';
import type { Rule, RuleRun } from '../ruleTypes';
import { WORDING, WordingPattern } from './reviewData';
import { notePieces, prosePieces, TextPiece, titlePieces } from './textPieces';

function scan(run: RuleRun, pieces: readonly TextPiece[], patterns: readonly WordingPattern[], kindName: string): void {
  for (const piece of pieces) {
    run.checked();
    for (const pattern of patterns) {
      if (pattern.unless?.test(piece.value)) continue;
      const re = new RegExp(pattern.pattern.source, pattern.pattern.flags);
      let match: RegExpExecArray | null;
      while ((match = re.exec(piece.value)) !== null) {
        const span = piece.spanOf(match.index, match.index + match[0].length);
        const replacement = match[0].replace(new RegExp(pattern.pattern.source, 'u'), pattern.replace);
        const exact = span.end - span.start === match[0].length;
        run.report({
          span,
          message: t('"{0}" in a {1}: write "{2}"', match[0], kindName, replacement),
          data: { computed: replacement, fixes: exact ? [{ title: t('Replace with "{0}"', replacement), edits: [{ span, newText: replacement }], certain: true }] : [] },
        });
      }
    }
  }
}

export const wording: Rule = {
  id: 'review/wording',
  area: 'review',
  severity: 'warning',
  title: '称谓与预算类型一致：单位预算不自称“本部门”“部门预算”，部门预算不自称“本单位”“我单位”“单位预算”',
  run(context, run) {
    const { report, text } = context;
    if (!report.kind) return;
    const patterns = WORDING[report.kind];
    const kindName = report.kind === 'unit' ? t('单位预算 (kind: unit)') : t('部门预算 (kind: department)');
    scan(run, [...prosePieces(report, text), ...notePieces(report, text)], patterns.prose, kindName);
    scan(run, titlePieces(report, text), patterns.titles, kindName);
  },
};
