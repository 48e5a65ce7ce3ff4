import { t } from '../i18n/l10n';
import type { AnalysisContext } from './context';
import type { SectionCheck } from './checks';
import type { YearMention } from './reading';
import type { ClaimFigure } from './types';

/**
 * Years in the prose: a figure of the budget is labelled with the report year (2022 年收入总计);
 * changes are stated against the year before (与 2021 年相比); holdings are those at the end of
 * the year before (2021 年期末, 截止 2021 年底), and carry-overs come from it (2021 年结转).
 */
export function checkYears(ctx: AnalysisContext, section: SectionCheck): void {
  const reportYear = ctx.report.year;
  for (const mention of section.reading.years) {
    const token = mention.token;
    const span = section.map.span(token.start, token.end);
    const sentence = mention.sentence.text.trim();
    const record = ctx.ledger.claim('year', span, token.text, sentence, section.title);
    if (reportYear === undefined) {
      record.unverified(t('the report gives no budget year'));
      continue;
    }
    const expected = mention.role === 'label' ? reportYear : reportYear - 1;
    const figures: ClaimFigure[] = [{ label: t('year of the report'), value: String(reportYear), source: 'report', spans: ctx.report.yearSpan ? [ctx.report.yearSpan] : [] }];
    const formula = formulaOf(mention, reportYear);
    if (mention.role !== 'label') {
      if (mention.year === expected) {
        record.add({ outcome: 'ok', expected: token.text, formula, figures });
        continue;
      }
      record.add({ outcome: 'bad', expected: String(expected), formula, figures });
      ctx.ledger.issue('text/year', span, messageOf(mention, reportYear), { computed: String(expected), formula, fixes: [{ title: t('Replace with {0}', String(expected)), edits: [{ span, newText: String(expected) }] }] });
      continue;
    }
    const states = mention.items.map((i) => section.byItem.get(i.id)).filter((s) => !!s);
    // The report year on a figure agrees with the report whatever the figure (its own claim
    // checks it); another year is a slip only when the figure is this year's.
    if (mention.year === reportYear) {
      record.add({ outcome: 'ok', expected: token.text, formula, figures });
      continue;
    }
    // Another year: a slip when the figure it labels is this year's figure.
    const thisYears = states.filter((s) => s!.amount === 'ok');
    if (thisYears.length === 0) {
      record.unverified(t('a figure of another year'));
      continue;
    }
    const state = thisYears[0]!;
    const withFigure = [...figures, ...state.record.checks.flatMap((c) => c.figures)];
    record.add({ outcome: 'bad', expected: String(reportYear), formula, figures: withFigure });
    ctx.ledger.issue('text/year', span, t('{0} is the figure of {1}, the year of this report; the text labels it {2}', `${state.title} ${state.item.token.text}`, String(reportYear), token.text), {
      computed: String(reportYear),
      formula,
      related: state.table ? state.table.source.spans.slice(0, 1).map((s) => ({ span: s, message: t('compared with this figure') })) : [],
      fixes: [{ title: t('Replace with {0}', String(reportYear)), edits: [{ span, newText: String(reportYear) }] }],
    });
  }
}

function formulaOf(mention: YearMention, reportYear: number): string {
  if (mention.role === 'label') return t('figures of the {0} budget', String(reportYear));
  if (mention.role === 'comparison') return t('changes against {0} (the year before {1})', String(reportYear - 1), String(reportYear));
  if (mention.role === 'stock') return t('holdings at the end of {0} (before the {1} budget)', String(reportYear - 1), String(reportYear));
  return t('carry-overs from {0}', String(reportYear - 1));
}

function messageOf(mention: YearMention, reportYear: number): string {
  const year = mention.token.text;
  if (mention.role === 'comparison') return t('Changes are stated against the previous year {0}; the text says {1}', String(reportYear - 1), year);
  if (mention.role === 'stock') return t('A {0} budget reports holdings at the end of {1}; the text says {2}', String(reportYear), String(reportYear - 1), year);
  return t('Carry-overs into {0} come from {1}; the text says {2}', String(reportYear), String(reportYear - 1), year);
}
