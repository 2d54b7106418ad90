import { useTranslation } from 'react-i18next';
import { pick, roleName } from '../../core/texts';
import { levelObligations, obligationKindLabel, type ScoreResult } from '../../core/scoring';
import type { Questionnaire } from '../../core/questionnaire';

/**
 * What the final overall level requires (obligations and roles that must sign), as the
 * questionnaire declares it. While required questions are open the level is not final, and the
 * list says so first: it is what that level would require, not what applies.
 */
export function LevelObligations({ q, result }: { q: Questionnaire; result: ScoreResult }) {
  const { t, i18n } = useTranslation('summary');
  const lang = i18n.language;
  const ob = levelObligations(q, result);
  if (!ob) return null;
  const level = pick(ob.levelLabel, lang);
  const roles = ob.requiredRoles
    .map((id) => roleName(q.signOff?.roles.find((r) => r.id === id)?.label, lang) || id)
    .join(', ');
  return (
    <div className="overall__obligations" data-settled={ob.settled}>
      <h3 id="obligations">{t('obligations.title', { level })}</h3>
      {!ob.settled ? <p className="notice">{t('obligations.provisional', { level })}</p> : null}
      {ob.obligations.length > 0 ? (
        <ul>
          {ob.obligations.map((o) => (
            <li key={o.id}>
              <strong>{obligationKindLabel(o.kind, lang)}:</strong> {pick(o.text, lang)}
            </li>
          ))}
        </ul>
      ) : null}
      {roles ? (
        <p>{t(ob.settled ? 'obligations.roles' : 'obligations.rolesProvisional', { roles })}</p>
      ) : null}
    </div>
  );
}
