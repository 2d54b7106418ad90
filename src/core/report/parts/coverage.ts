/**
 * The coverage part: for each element of the frameworks (AI Act, GDPR, IAMA), which visible
 * questions carry its tag and whether they are answered; some elements are also covered by the
 * register or its measures.
 */
import { isAnswered } from '../../scoring/answers';
import type { ReportContext } from '../report-context';
import type { CoverageStatus, ReportCoverageRow, ReportModel } from '../report-model';
import { FRAMEWORK_ELEMENTS } from '../report-texts';

const STATUS_KEY = {
  answered: 'coverageAnswered',
  partly: 'coveragePartly',
  open: 'coverageOpen',
  notApplicable: 'coverageNotApplicable',
  notCovered: 'coverageNotCovered',
} as const;

export function coveragePart(
  ctx: ReportContext,
  numbers: ReadonlyMap<string, string>,
): ReportModel['coverage'] {
  const { a, index, result, lang, t } = ctx;
  const measureCount = a.register.reduce((n, r) => n + r.measures.length, 0);
  const rows: ReportCoverageRow[] = FRAMEWORK_ELEMENTS.map((el) => {
    const tagged = index.questions.filter(({ question }) => question.tags?.includes(el.tag));
    const visible = tagged.filter(({ question }) => result.visibility.questions.has(question.id));
    const answered = visible.filter(({ question }) =>
      isAnswered(result.visibility.effective[question.id]),
    );
    const where = visible.map(({ question }) => numbers.get(question.id) ?? '');
    if (el.alsoBy === 'register' && a.register.length > 0) {
      where.push(t('coverageRegister', { count: a.register.length }));
    }
    if (el.alsoBy === 'measures' && measureCount > 0) {
      where.push(t('coverageMeasures', { count: measureCount }));
    }
    let status: CoverageStatus;
    if (tagged.length === 0) status = 'notCovered';
    else if (visible.length === 0) status = 'notApplicable';
    else if (answered.length === visible.length) status = 'answered';
    else if (answered.length > 0) status = 'partly';
    else status = 'open';
    return {
      tag: el.tag,
      framework: t(
        el.framework === 'aiAct'
          ? 'frameworkAiAct'
          : el.framework === 'gdpr'
            ? 'frameworkGdpr'
            : 'frameworkIama',
      ),
      code: el.code,
      text: el.text[lang],
      where,
      status,
      statusLabel: t(STATUS_KEY[status]),
    };
  });
  return { rows };
}
