/**
 * The integrity part: the hashes that tie the report to the attached assessment file and to its
 * questionnaire, and how to check them.
 */
import { ASSESSMENT_FORMAT, ASSESSMENT_FORMAT_VERSION } from '../../assessment/assessment-schema';
import type { ReportContext } from '../report-context';
import type { ReportModel } from '../report-model';
import type { ReportIdentity } from './front';

export function integrityPart(
  ctx: ReportContext,
  id: ReportIdentity,
  hashes: { assessment: string; questionnaire: string },
  opts: { appVersion: string; generatedAt: string },
): ReportModel['integrity'] {
  const { a, q, t, moment } = ctx;
  const hash = hashes.assessment;
  return {
    assessmentHash: hash,
    questionnaireId: q.id,
    questionnaireVersion: q.version,
    questionnaireHash: a.questionnaire.hash,
    questionnaireHashDiffers:
      hashes.questionnaire === a.questionnaire.hash
        ? null
        : t('integrityQuestionnaireDiffers', {
            actual: hashes.questionnaire,
            declared: a.questionnaire.hash,
          }),
    appVersion: opts.appVersion,
    fields: [
      { label: t('integrityAssessmentHash'), value: hash },
      {
        label: t('integrityQuestionnaire'),
        value: `${a.questionnaire.id} ${a.questionnaire.version}`,
      },
      { label: t('integrityQuestionnaireHash'), value: a.questionnaire.hash },
      { label: t('integrityAppVersion'), value: opts.appVersion },
      {
        label: t('integrityFormat'),
        value: `${ASSESSMENT_FORMAT} ${ASSESSMENT_FORMAT_VERSION}`,
      },
      { label: t('integrityAttachment'), value: id.attachmentName },
      { label: t('contextId'), value: `${a.id} (v${a.version})` },
      { label: t('integrityGenerated'), value: moment(opts.generatedAt) },
    ],
    howTo: t('integrityHowTo'),
  };
}
