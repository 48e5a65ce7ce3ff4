import { t } from '../i18n/l10n';
import type { Claim, ClaimKind, ClaimStatus } from './types';

function kindTitle(kind: ClaimKind): string {
  switch (kind) {
    case 'amount': return t('amount claim');
    case 'share': return t('share claim');
    case 'change': return t('change claim');
    case 'parts': return t('parts claim');
    case 'year': return t('year claim');
    case 'count': return t('count claim');
  }
}

function statusTitle(status: ClaimStatus): string {
  switch (status) {
    case 'verified': return t('claim verified');
    case 'mismatched': return t('claim does not match');
    case 'information': return t('claim agrees by common practice');
    case 'unverified': return t('claim not verified');
  }
}

/** Markdown for a hover over a number of the prose: what it was compared with and how. */
export function describeClaim(claim: Claim): string {
  const lines = [`**${kindTitle(claim.kind)}** ${claim.text} · ${statusTitle(claim.status)}`];
  if (claim.status === 'mismatched' && claim.expected !== undefined && claim.expected !== claim.text) lines.push(t('Computed: {0}', claim.expected));
  if (claim.formula) lines.push('`' + claim.formula + '`');
  for (const figure of claim.figures.slice(0, 6)) lines.push(`- ${figure.label}：${figure.value}`);
  if (claim.status === 'unverified' && claim.reason) lines.push(t('Not verified: {0}', claim.reason));
  return lines.join('\n\n');
}
