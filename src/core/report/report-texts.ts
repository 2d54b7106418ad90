/**
 * The report's own words (headings, labels, explanations) in every report language. They live in
 * the core, not in i18next, because the PDF is drawn from the core's report model in the browser
 * and on the command line alike. Plain language (B1) in Dutch; the English says the same.
 */
import type { MessageParams } from '../texts/messages';
import { fillTemplate } from '../texts/template';

const en = {
  // Only when the questionnaire's title is blank: the report is titled after its questionnaire.
  reportTitle: 'Assessment report',
  generator: 'FRIA Wizard',
  pageOf: 'page {page} of {pages}',
  hashShort: 'hash {hash}',
  draftMark: 'DRAFT',
  notAnswered: 'Not answered',
  notAnsweredRequired: 'Not answered (required)',
  answerMixedExclusive:
    'Not counted: the saved answer ticks {options} together with other options, which cannot both be true ({saved})',
  none: 'None',
  notRecorded: 'Not recorded',
  yes: 'Yes',
  no: 'No',
  unknownOption: '{id} (option no longer in the questionnaire)',
  notAssessed: 'not assessed',

  // Parts (also the bookmarks)
  partCover: 'Cover',
  partSummary: 'Summary',
  partContext: 'Context',
  partAnswers: 'Answers by section',
  partRegister: 'Risk register',
  partActionPlan: 'Action plan',
  partConclusion: 'Conclusion',
  partCoverage: 'Framework coverage',
  partSignOff: 'Sign-off',
  partIntegrity: 'Integrity',

  // Cover
  coverSystem: 'System',
  coverOrganisation: 'Organisation',
  coverOwner: 'Owner',
  coverAssessmentTitle: 'Assessment',
  coverQuestionnaire: 'Questionnaire',
  coverQuestionnaireValue: '{title}, version {version}',
  coverCreated: 'Started',
  coverUpdated: 'Last change',
  coverGenerated: 'Report made',
  coverVersion: 'Version of the assessment',
  coverStatus: 'Status',
  coverOverall: 'Overall level',
  coverProvisional:
    'Provisional: {count} required {count|question is|questions are} still open. Open questions count as 0 points, so the levels can still go up.',
  coverNotSignedNote:
    'This is a draft. It becomes final when every required role has signed this version.',

  // Status
  statusDraft: 'Draft, not signed',
  statusInReview: 'In review: signed by some, not yet by every required role',
  statusSigned: 'Signed',

  // Summary
  summaryIntro:
    'The table shows the level per domain. "Computed" follows from the answers, red flags and the risk register. "Final" is the level that counts; it differs from the computed level only when an assessor changed it, with a reason.',
  summaryOverallLine: 'Overall level: {level}',
  levelProvisionalShort: 'provisional',
  levelProvisionalOne: 'provisional — {count} required question open',
  levelProvisionalOther: 'provisional — {count} required questions open',
  summaryOverallHow: 'The overall level is the highest final level of all domains.',
  obligationsTitle: 'What must happen at level {level}',
  obligationsProvisional:
    'Not final yet: the level can still change while required questions are open, and so can what it requires. This list is what level {level} would require.',
  obligationsRoles: 'At this level these roles must sign: {roles}.',
  obligationsRolesProvisional: 'At this level these roles would have to sign: {roles}.',
  summaryOverallHowMean: 'The overall level is the rounded average of the final domain levels.',
  colDomain: 'Domain',
  colScore: 'Points',
  colComputed: 'Computed',
  colFinal: 'Final',
  colOverride: 'Changed by assessor',
  scoreValue: '{raw} of {max} ({pct})',
  scoreValueCredited: '{raw} of {max} ({pct})\nwith credit: {adjusted}',
  mitigationApplied:
    'Credit for measures: the questions about measures gave {raw} of {max} {max|point|points} ({pct}). That is at least the {threshold} needed, so every domain score is lowered by {reduction} (multiplied by {factor}) before it is compared with the thresholds.',
  mitigationNotApplied:
    'Credit for measures: the questions about measures gave {raw} of {max} {max|point|points} ({pct}). That is less than the {threshold} needed, so the domain scores are not lowered.',
  overrideValue: 'From {from} to {to}. Reason: {reason}',
  overrideBy: 'Set by {by}, {at}.',
  overrideByUnknown: 'an unknown person',
  overrideAtUnknown: 'date unknown',
  overrideIgnoredLevel:
    'The change of {domain} to level "{level}" is not used: this questionnaire has no such level. The computed level counts: {computed}.',
  overrideIgnoredReason:
    'The change of {domain} to {level} is not used: it has no written justification. The computed level counts: {computed}.',
  overrideIgnoredDomain:
    'A change to level "{level}" for "{domain}" is not used: this questionnaire has no domain "{domain}".',
  levelGuideTitle: 'What the levels mean',
  levelGuideIntro:
    'The domains do not all end at the same level. Per level: what it means, in the words of the questionnaire, and which domains are at that level.',
  levelGuideDomains: 'Domains: {domains}',
  whyTitle: 'Why these levels',
  whyIntro: 'How each level came about, step by step.',
  redFlagsTitle: 'Red flags',
  redFlagsNone: 'No red flag applies.',
  redFlagsIntro:
    'A red flag is a serious signal. It raises the level of its domain to at least the level shown.',
  redFlagDomain: 'Domain: {domain}. Raises to at least: {level}.',
  redFlagOverall: 'Applies to the whole assessment. Raises to at least: {level}.',
  redFlagTriggeredBy: 'Triggered by',
  redFlagResponse: 'Response',
  redFlagNoResponse: 'No response recorded yet.',
  redFlagCovered: 'Taken into the register as risk {risk}.',
  heatMapTitle: 'Risk map',
  heatMapIntro:
    'Each cell shows which risks in the register (R1, R2, …; with more than four, how many more) have that likelihood and severity: left before measures (inherent), right after measures (residual). The shading pattern shows the level of the cell (see the legend).',
  heatMapInherent: 'Before measures (inherent)',
  heatMapResidual: 'After measures (residual)',
  heatMapLikelihood: 'Likelihood',
  heatMapSeverity: 'Severity',
  heatMapEmpty: 'The risk register is empty, so the map has no risks yet.',
  legendTitle: 'Levels',
  openRequiredTitle: 'Open required questions',
  notApplicableTitle: 'Questions answered “not applicable”',
  notApplicableIntro:
    'These questions were left out of the maximum of their domains, for the reason given. Check that each reason holds.',
  notApplicableAnswer: 'Not applicable. Reason: {reason}',
  carriedTitle: 'Answers taken over and not confirmed',
  carriedIntro:
    'These answers were taken over from {source} “{title}” of {date} and nobody has confirmed them in this assessment. The levels count them, but they have not been reviewed here.',
  carriedUnconfirmed: '[Taken over from {source} “{title}” of {date}; not confirmed.]',
  carriedConfirmed: '[Taken over from {source} “{title}” of {date}; confirmed on {confirmed}.]',

  // Context
  contextIntro:
    'What was assessed, by whom, and with which questionnaire. The report shows only the questions that apply to this system: questions that do not apply, because of earlier answers, are left out.',
  contextAbout: 'About this report',
  contextAboutText:
    'FRIA Wizard made this report from the assessment file. That file is attached to this PDF ({file}), so the PDF can be opened in FRIA Wizard again and checked. Levels are computed by the rules of the questionnaire; every step is shown under "Why these levels".',
  contextCompleteness: 'Completeness',
  contextCompletenessValue: '{answered} of {visible} questions answered',
  contextDescription: 'About the questionnaire',
  contextLanguage: 'Language of the report',
  contextLanguageValue: 'English',
  contextId: 'Assessment id',

  // Answers
  answersIntro:
    'Every question that applies, with the answer and the note. Numbers follow the order of the questionnaire.',
  answerNote: 'Note',
  answerSources: 'Sources',
  sectionNoQuestions: 'No questions in this section apply.',
  setAsideTitle: 'Answers kept aside',
  setAsideIntro:
    'When this assessment moved to a new version of its questionnaire, these answers could not be carried over. They are kept here so that nothing is lost.',
  setAsideQuestion: 'Question',
  setAsideAnswer: 'Answer',
  setAsideNote: 'Note',
  setAsideQuestionRemoved: 'The question is no longer in version {version} of the questionnaire.',
  setAsideTypeChanged: 'The question asks for a different kind of answer since version {version}.',
  setAsideOptionRemoved: 'The chosen answer is no longer an option since version {version}.',

  // Register
  registerIntro:
    'Each risk has a likelihood and a severity from 1 to 5, before measures and after. Their product (1 to 25) gives the level.',
  registerEmpty: 'No risks have been recorded.',
  registerProposals: 'Proposed risks and what was done with them',
  registerProposalsIntro:
    'Risks the app proposed from high-scoring answers or red flags, each with the assessors’ decision: taken into the register, taken into one risk together with others, or dismissed with a reason.',
  colProposal: 'Proposed risk',
  colProposalDecision: 'Decision',
  proposalAccepted: 'Taken into the register as {number}.',
  proposalMergedOne: 'Taken into {number}, together with 1 other proposal.',
  proposalMerged: 'Taken into {number}, together with {others} other proposals.',
  proposalDismissed: 'Dismissed. Reason: {reason}',
  proposalOpen: 'Open: not handled yet.',
  registerDismissedNotCurrent: 'No longer proposed by the current answers.',
  colRiskNr: 'No.',
  colRisk: 'Risk',
  colInherent: 'Before measures',
  colResidual: 'After measures',
  riskDomain: 'Domain',
  riskDescription: 'Description',
  riskAffected: 'Affected groups',
  riskScore: 'L {l} × S {s} = {p}',
  riskScoreLevel: 'L {l} × S {s} = {p}, {level}',
  riskResidualWhy: 'Why the risk after measures is higher',
  riskMeasures: 'Measures',
  riskNoMeasures: 'No measures recorded.',
  likelihoodShort: 'L = likelihood, S = severity.',

  // Action plan
  actionPlanIntro: 'All measures from the risk register, by due date.',
  actionPlanEmpty: 'No measures have been recorded.',
  colMeasure: 'Measure',
  colOwner: 'Owner',
  colDue: 'Due',
  colStatus: 'Status',
  measurePlanned: 'Planned',
  measureInProgress: 'In progress',
  measureDone: 'Done',
  noDueDate: 'No date',
  noOwner: 'No owner',

  // Conclusion
  conclusionIntro:
    'The conclusion is a human decision. FRIA Wizard does not compute it; the assessor records it with the reasons.',
  conclusionDecision: 'Decision',
  conclusionReasoning: 'Reasoning',
  conclusionConditions: 'Conditions',
  conclusionMissing: 'No conclusion has been recorded yet.',
  decisionProceed: 'Proceed',
  decisionProceedWithConditions: 'Proceed with conditions',
  decisionDoNotProceed: 'Do not proceed',
  // The decision on the cover and the summary page
  decisionLabel: 'Decision',
  decisionNone: 'No decision yet',
  decisionNoneNote:
    'The conclusion has not been recorded yet, so this report does not say whether the system may be used.',
  decisionCoverConditions:
    '{decision} ({count} {count|condition|conditions}, listed in the summary)',
  decisionConditionsIntro: 'On these conditions:',

  // Coverage
  coverageIntro:
    'Which elements of the EU AI Act (Art. 27(1)), the GDPR (Art. 35(7)) and the Dutch IAMA are covered by which questions of this assessment.',
  colElement: 'Element',
  colAsks: 'What it asks',
  colWhere: 'Where',
  coverageAnswered: 'Answered',
  coveragePartly: 'Partly answered',
  coverageOpen: 'Not answered',
  coverageNotApplicable: 'Does not apply (questions left out)',
  coverageNotCovered: 'Not covered by this questionnaire',
  coverageRegister: 'risk register ({count})',
  coverageMeasures: 'measures ({count})',
  frameworkAiAct: 'EU AI Act, Art. 27(1)',
  frameworkGdpr: 'GDPR, Art. 35(7)',
  frameworkIama: 'IAMA',

  // Sign-off
  // What the seal showed when the PDF was made (the sign-off part's first line). The page is drawn
  // before any digital signature, so it says what held then and leaves later proof to the signature.
  signOffSealAtPrint:
    'When this PDF was made, the assessment matched the hash recorded in the sign-offs: it was internally consistent. Anyone can recompute such a hash after an edit, so this text does not prove that nothing was changed since signing, nor who signed. Only a digital signature on this PDF can show that: check with “Verify a file” in FRIA Wizard, or in your PDF reader, whether it has one and whether it holds.',
  signOffSealAtPrintSigning:
    'When this PDF was made, the assessment matched the hash recorded in the sign-offs. The PDF was made to be signed digitally straight away. That digital signature, not this text, shows whether anything was changed since and who signed: check it with “Verify a file” in FRIA Wizard, or in your PDF reader.',
  signOffSealAtPrintFields:
    'When this PDF was made, the assessment matched the hash recorded in the sign-offs. The PDF was prepared to be signed digitally. Only a digital signature, not this text, shows whether anything was changed since and who signed: check with “Verify a file” in FRIA Wizard, or in your PDF reader, whether it is signed and whether the signature holds.',
  signOffIntro:
    'Each person who signs confirms the declaration below for this version of the assessment. The seal (SHA-256 hash) recorded with each signature must match the hash of this report.',
  signOffNotSigned: 'Not signed',
  signOffDeclaration: 'Declaration',
  signOffRole: 'Role',
  signOffRequired: 'required',
  signOffOptional: 'optional',
  signOffName: 'Name',
  signOffFunction: 'Function',
  signOffOrganisation: 'Organisation',
  signOffDate: 'Date',
  signOffPlace: 'Place',
  signOffSignature: 'Signature',
  signOffSignatureTyped: 'Typed name: {name}',
  signOffSignatureDrawn: 'Drawn signature',
  signOffSignatureNone: 'No signature',
  signOffSeal: 'Seal',
  signOffSealMatches: 'matches this version',
  signOffSealDiffers: 'does not match: the content changed after signing',
  signOffPrevious: 'Signatures of earlier versions',
  signOffPreviousIntro:
    'Each earlier version was signed as it was then. These signatures do not cover this version.',
  colVersion: 'Version',
  colRole: 'Role',
  colName: 'Name',
  colDate: 'Date',
  colSignedHash: 'Hash signed',
  colCheck: 'Check',
  versionCopyMatches: 'matches the kept copy of version {version}',
  versionCopyDiffers:
    'does not match the kept copy of version {version}: the copy or this record was changed',
  versionCopyNone: 'no copy of version {version} kept: the hash cannot be checked here',
  versionsTitle: 'Versions',
  versionStarted: 'Version {version} started on {at}. Reason: {reason}',
  versionStartedNoReason: 'Version {version} started on {at}. No reason was recorded.',
  changesTitle: 'What changed since version {version}',
  changesNone:
    'Nothing in the answers, notes, register, decisions on proposals, level adjustments or conclusion.',
  changesNoCopy:
    'No copy of version {version} is kept in this file, so what changed cannot be said here.',
  changesLevel: '{domain}: final level {before} → {after}',
  changesRatings: '{risk} “{title}”: {changes}',
  changesRating: '{rating} {before} → {after}',
  changesRatingLikelihood: 'Likelihood',
  changesRatingSeverity: 'Severity',
  changesRatingResidualLikelihood: 'Likelihood after measures',
  changesRatingResidualSeverity: 'Severity after measures',
  signOffPreviousNote: 'These signatures belong to version {version} and do not cover this one.',
  signOffWithdrawn: 'Withdrawn sign-offs',
  signOffWithdrawnEntry:
    '{name} ({role}) signed version {version} on {signed} and withdrew that sign-off on {withdrawn}. Reason: {reason}',

  // Integrity
  integrityIntro:
    'With these values anyone can check that this report belongs to one exact assessment. FRIA Wizard recomputes the hash from the attached file.',
  integrityAssessmentHash: 'Assessment hash (SHA-256, RFC 8785)',
  integrityQuestionnaire: 'Questionnaire',
  integrityQuestionnaireHash: 'Questionnaire hash (SHA-256)',
  integrityQuestionnaireDiffers:
    'The questionnaire used for this report has hash {actual}; the assessment was made with {declared}.',
  integrityAppVersion: 'FRIA Wizard version',
  integrityFormat: 'File format',
  integrityAttachment: 'Attached file',
  integrityGenerated: 'Report made',
  integrityHowTo:
    'To check: open this PDF in FRIA Wizard ("Verify"), or save the attached file from any PDF reader and open it in FRIA Wizard. It recomputes the hash; it must be the same as above. The same hash shows that this report and that file belong together, not that nothing was changed or who signed: only a digital signature can show that.',

  // Document metadata
  docSubject: '{title} for {system}',
  docKeywords: '{title}, {system}, fundamental rights, impact assessment, FRIA Wizard',

  // Reading a PDF back
  embeddedNotPdf: 'This file is not a PDF.',
  embeddedNotFria:
    'This PDF was not made by FRIA Wizard: it does not contain an assessment file. Open the PDF that FRIA Wizard exported, or the .fria.json file.',
  embeddedDamaged:
    'This PDF is damaged or incomplete, so the assessment attached to it cannot be read. Try the .fria.json file or another copy of the PDF.',
  embeddedTooLarge: 'The file is too large to open; the limit is {limit}.',
  embeddedUnpackTooLarge:
    'The attached assessment would unpack to more than {limit}, far more than any assessment needs. It was not opened.',
};

export type ReportTextKey = keyof typeof en;

const nl: Record<ReportTextKey, string> = {
  reportTitle: 'Beoordelingsrapport',
  generator: 'FRIA Wizard',
  pageOf: 'pagina {page} van {pages}',
  hashShort: 'hash {hash}',
  draftMark: 'CONCEPT',
  notAnswered: 'Niet beantwoord',
  notAnsweredRequired: 'Niet beantwoord (verplicht)',
  answerMixedExclusive:
    'Telt niet mee: het opgeslagen antwoord kiest {options} samen met andere keuzes, en dat kan niet allebei waar zijn ({saved})',
  none: 'Geen',
  notRecorded: 'Niet ingevuld',
  yes: 'Ja',
  no: 'Nee',
  unknownOption: '{id} (keuze staat niet meer in de vragenlijst)',
  notAssessed: 'niet beoordeeld',

  partCover: 'Voorblad',
  partSummary: 'Samenvatting',
  partContext: 'Context',
  partAnswers: 'Antwoorden per onderdeel',
  partRegister: 'Risicoregister',
  partActionPlan: 'Actieplan',
  partConclusion: 'Conclusie',
  partCoverage: 'Dekking van wettelijke kaders',
  partSignOff: 'Ondertekening',
  partIntegrity: 'Integriteit',

  coverSystem: 'Systeem',
  coverOrganisation: 'Organisatie',
  coverOwner: 'Eigenaar',
  coverAssessmentTitle: 'Beoordeling',
  coverQuestionnaire: 'Vragenlijst',
  coverQuestionnaireValue: '{title}, versie {version}',
  coverCreated: 'Gestart',
  coverUpdated: 'Laatst gewijzigd',
  coverGenerated: 'Rapport gemaakt',
  coverVersion: 'Versie van de beoordeling',
  coverStatus: 'Status',
  coverOverall: 'Totaalniveau',
  coverProvisional:
    'Voorlopig: er {count|staat|staan} nog {count} verplichte {count|vraag|vragen} open. Open vragen tellen als 0 punten, dus de niveaus kunnen nog stijgen.',
  coverNotSignedNote:
    'Dit is een concept. Het is definitief als elke verplichte rol deze versie heeft ondertekend.',

  statusDraft: 'Concept, niet ondertekend',
  statusInReview: 'In beoordeling: door een deel ondertekend, nog niet door elke verplichte rol',
  statusSigned: 'Ondertekend',

  summaryIntro:
    'De tabel toont het niveau per domein. "Berekend" volgt uit de antwoorden, de rode vlaggen en het risicoregister. "Definitief" is het niveau dat telt; het wijkt alleen af als een beoordelaar het heeft aangepast, met een reden.',
  summaryOverallLine: 'Totaalniveau: {level}',
  levelProvisionalShort: 'voorlopig',
  levelProvisionalOne: 'voorlopig — nog {count} verplichte vraag open',
  levelProvisionalOther: 'voorlopig — nog {count} verplichte vragen open',
  summaryOverallHow: 'Het totaalniveau is het hoogste definitieve niveau van alle domeinen.',
  obligationsTitle: 'Wat er moet gebeuren bij niveau {level}',
  obligationsProvisional:
    'Nog niet definitief: zolang er verplichte vragen open staan, kan het niveau nog veranderen, en daarmee ook wat het vraagt. Deze lijst is wat niveau {level} zou vragen.',
  obligationsRoles: 'Bij dit niveau moeten deze rollen ondertekenen: {roles}.',
  obligationsRolesProvisional: 'Bij dit niveau zouden deze rollen moeten ondertekenen: {roles}.',
  summaryOverallHowMean:
    'Het totaalniveau is het afgeronde gemiddelde van de definitieve niveaus van de domeinen.',
  colDomain: 'Domein',
  colScore: 'Punten',
  colComputed: 'Berekend',
  colFinal: 'Definitief',
  colOverride: 'Aangepast door beoordelaar',
  scoreValue: '{raw} van {max} ({pct})',
  scoreValueCredited: '{raw} van {max} ({pct})\nmet korting: {adjusted}',
  mitigationApplied:
    'Korting voor maatregelen: de vragen over maatregelen gaven {raw} van {max} {max|punt|punten} ({pct}). Dat is minstens de nodige {threshold}, dus elke domeinscore gaat {reduction} omlaag (keer {factor}) voordat die met de drempels wordt vergeleken.',
  mitigationNotApplied:
    'Korting voor maatregelen: de vragen over maatregelen gaven {raw} van {max} {max|punt|punten} ({pct}). Dat is minder dan de nodige {threshold}, dus de domeinscores gaan niet omlaag.',
  overrideValue: 'Van {from} naar {to}. Reden: {reason}',
  overrideBy: 'Aangepast door {by}, {at}.',
  overrideByUnknown: 'een onbekend persoon',
  overrideAtUnknown: 'datum onbekend',
  overrideIgnoredLevel:
    'De aanpassing van {domain} naar niveau "{level}" telt niet: deze vragenlijst heeft dat niveau niet. Het berekende niveau telt: {computed}.',
  overrideIgnoredReason:
    'De aanpassing van {domain} naar {level} telt niet: er staat geen onderbouwing bij. Het berekende niveau telt: {computed}.',
  overrideIgnoredDomain:
    'Een aanpassing naar niveau "{level}" voor "{domain}" telt niet: deze vragenlijst heeft geen domein "{domain}".',
  levelGuideTitle: 'Wat de niveaus betekenen',
  levelGuideIntro:
    'Niet alle domeinen hebben hetzelfde niveau. Per niveau: wat het betekent, in de woorden van de vragenlijst, en welke domeinen dat niveau hebben.',
  levelGuideDomains: 'Domeinen: {domains}',
  whyTitle: 'Waarom deze niveaus',
  whyIntro: 'Hoe elk niveau tot stand kwam, stap voor stap.',
  redFlagsTitle: 'Rode vlaggen',
  redFlagsNone: 'Er is geen rode vlag van toepassing.',
  redFlagsIntro:
    'Een rode vlag is een ernstig signaal. Die zet het niveau van het domein op minstens het getoonde niveau.',
  redFlagDomain: 'Domein: {domain}. Verhoogt naar minstens: {level}.',
  redFlagOverall: 'Geldt voor de hele beoordeling. Verhoogt naar minstens: {level}.',
  redFlagTriggeredBy: 'Veroorzaakt door',
  redFlagResponse: 'Reactie',
  redFlagNoResponse: 'Nog geen reactie ingevuld.',
  redFlagCovered: 'Opgenomen in het register als risico {risk}.',
  heatMapTitle: 'Risicokaart',
  heatMapIntro:
    'Elk vak toont welke risico’s uit het register (R1, R2, …; bij meer dan vier hoeveel nog meer) die kans en ernst hebben: links vóór maatregelen (inherent), rechts na maatregelen (restrisico). Het patroon toont het niveau van het vak (zie de legenda).',
  heatMapInherent: 'Vóór maatregelen (inherent)',
  heatMapResidual: 'Na maatregelen (restrisico)',
  heatMapLikelihood: 'Kans',
  heatMapSeverity: 'Ernst',
  heatMapEmpty: 'Het risicoregister is leeg, dus de kaart bevat nog geen risico’s.',
  legendTitle: 'Niveaus',
  openRequiredTitle: 'Open verplichte vragen',
  notApplicableTitle: 'Vragen beantwoord met “niet van toepassing”',
  notApplicableIntro:
    'Deze vragen tellen niet mee in het maximum van hun domeinen, om de reden die erbij staat. Controleer of elke reden klopt.',
  notApplicableAnswer: 'Niet van toepassing. Reden: {reason}',
  carriedTitle: 'Overgenomen antwoorden die niet zijn bevestigd',
  carriedIntro:
    'Deze antwoorden zijn overgenomen uit {source} “{title}” van {date} en niemand heeft ze in deze beoordeling bevestigd. De niveaus rekenen ermee, maar ze zijn hier niet bekeken.',
  carriedUnconfirmed: '[Overgenomen uit {source} “{title}” van {date}; niet bevestigd.]',
  carriedConfirmed: '[Overgenomen uit {source} “{title}” van {date}; bevestigd op {confirmed}.]',

  contextIntro:
    'Wat is beoordeeld, door wie, en met welke vragenlijst. Het rapport toont alleen de vragen die voor dit systeem gelden: vragen die door eerdere antwoorden niet van toepassing zijn, zijn weggelaten.',
  contextAbout: 'Over dit rapport',
  contextAboutText:
    'FRIA Wizard heeft dit rapport gemaakt uit het beoordelingsbestand. Dat bestand zit als bijlage in deze pdf ({file}), zodat de pdf opnieuw in FRIA Wizard kan worden geopend en gecontroleerd. De niveaus zijn berekend met de regels van de vragenlijst; elke stap staat onder "Waarom deze niveaus".',
  contextCompleteness: 'Volledigheid',
  contextCompletenessValue: '{answered} van {visible} vragen beantwoord',
  contextDescription: 'Over de vragenlijst',
  contextLanguage: 'Taal van het rapport',
  contextLanguageValue: 'Nederlands',
  contextId: 'Kenmerk van de beoordeling',

  answersIntro:
    'Elke vraag die van toepassing is, met het antwoord en de toelichting. De nummers volgen de volgorde van de vragenlijst.',
  answerNote: 'Toelichting',
  answerSources: 'Bronnen',
  sectionNoQuestions: 'Geen vragen in dit onderdeel zijn van toepassing.',
  setAsideTitle: 'Apart gezette antwoorden',
  setAsideIntro:
    'Toen deze beoordeling overging naar een nieuwe versie van de vragenlijst, konden deze antwoorden niet worden overgenomen. Ze staan hier, zodat er niets verloren gaat.',
  setAsideQuestion: 'Vraag',
  setAsideAnswer: 'Antwoord',
  setAsideNote: 'Notitie',
  setAsideQuestionRemoved: 'De vraag staat niet meer in versie {version} van de vragenlijst.',
  setAsideTypeChanged: 'De vraag vraagt sinds versie {version} om een ander soort antwoord.',
  setAsideOptionRemoved: 'Het gekozen antwoord is sinds versie {version} geen keuze meer.',

  registerIntro:
    'Elk risico heeft een kans en een ernst van 1 tot 5, vóór en na maatregelen. Het product daarvan (1 tot 25) bepaalt het niveau.',
  registerEmpty: 'Er zijn geen risico’s vastgelegd.',
  registerProposals: 'Voorgestelde risico’s en wat ermee is gedaan',
  registerProposalsIntro:
    'Risico’s die de app voorstelde op grond van antwoorden met veel punten of rode vlaggen, elk met het besluit van de beoordelaars: opgenomen in het register, samen met andere opgenomen in één risico, of afgewezen met een reden.',
  colProposal: 'Voorgesteld risico',
  colProposalDecision: 'Besluit',
  proposalAccepted: 'Opgenomen in het register als {number}.',
  proposalMergedOne: 'Opgenomen in {number}, samen met 1 ander voorstel.',
  proposalMerged: 'Opgenomen in {number}, samen met {others} andere voorstellen.',
  proposalDismissed: 'Afgewezen. Reden: {reason}',
  proposalOpen: 'Open: nog niet behandeld.',
  registerDismissedNotCurrent: 'Wordt bij de huidige antwoorden niet meer voorgesteld.',
  colRiskNr: 'Nr.',
  colRisk: 'Risico',
  colInherent: 'Vóór maatregelen',
  colResidual: 'Na maatregelen',
  riskDomain: 'Domein',
  riskDescription: 'Beschrijving',
  riskAffected: 'Wie worden geraakt',
  riskScore: 'K {l} × E {s} = {p}',
  riskScoreLevel: 'K {l} × E {s} = {p}, {level}',
  riskResidualWhy: 'Waarom het restrisico hoger is',
  riskMeasures: 'Maatregelen',
  riskNoMeasures: 'Geen maatregelen vastgelegd.',
  likelihoodShort: 'K = kans, E = ernst.',

  actionPlanIntro: 'Alle maatregelen uit het risicoregister, op volgorde van datum.',
  actionPlanEmpty: 'Er zijn geen maatregelen vastgelegd.',
  colMeasure: 'Maatregel',
  colOwner: 'Eigenaar',
  colDue: 'Uiterlijk',
  colStatus: 'Status',
  measurePlanned: 'Gepland',
  measureInProgress: 'Bezig',
  measureDone: 'Klaar',
  noDueDate: 'Geen datum',
  noOwner: 'Geen eigenaar',

  conclusionIntro:
    'De conclusie is een besluit van mensen. FRIA Wizard berekent die niet; de beoordelaar legt die vast, met de redenen.',
  conclusionDecision: 'Besluit',
  conclusionReasoning: 'Onderbouwing',
  conclusionConditions: 'Voorwaarden',
  conclusionMissing: 'Er is nog geen conclusie vastgelegd.',
  decisionProceed: 'Doorgaan',
  decisionProceedWithConditions: 'Doorgaan onder voorwaarden',
  decisionDoNotProceed: 'Niet doorgaan',
  // Het besluit op het voorblad en de samenvatting
  decisionLabel: 'Besluit',
  decisionNone: 'Nog geen besluit',
  decisionNoneNote:
    'De conclusie is nog niet vastgelegd. Dit rapport zegt dus niet of het systeem gebruikt mag worden.',
  decisionCoverConditions:
    '{decision} ({count} {count|voorwaarde|voorwaarden}, zie de samenvatting)',
  decisionConditionsIntro: 'Onder deze voorwaarden:',

  coverageIntro:
    'Welke onderdelen van de Europese AI-verordening (art. 27 lid 1), de AVG (art. 35 lid 7) en het IAMA met welke vragen van deze beoordeling zijn behandeld.',
  colElement: 'Onderdeel',
  colAsks: 'Wat het vraagt',
  colWhere: 'Waar',
  coverageAnswered: 'Beantwoord',
  coveragePartly: 'Deels beantwoord',
  coverageOpen: 'Niet beantwoord',
  coverageNotApplicable: 'Niet van toepassing (vragen weggelaten)',
  coverageNotCovered: 'Niet in deze vragenlijst',
  coverageRegister: 'risicoregister ({count})',
  coverageMeasures: 'maatregelen ({count})',
  frameworkAiAct: 'AI-verordening, art. 27 lid 1',
  frameworkGdpr: 'AVG, art. 35 lid 7',
  frameworkIama: 'IAMA',

  signOffSealAtPrint:
    'Toen deze pdf werd gemaakt, paste de beoordeling bij de hash in de ondertekeningen: ze was alleen intern consistent. Iedereen kan zo’n hash na een wijziging opnieuw berekenen. Deze tekst bewijst dus niet dat er sinds de ondertekening niets is veranderd, en ook niet wie tekende. Dat kan alleen een digitale handtekening op deze pdf: kijk met “Bestand controleren” in FRIA Wizard, of in uw pdf-lezer, of de pdf er een heeft en of die klopt.',
  signOffSealAtPrintSigning:
    'Toen deze pdf werd gemaakt, paste de beoordeling bij de hash in de ondertekeningen. De pdf is gemaakt om meteen digitaal te worden ondertekend. Die digitale handtekening laat zien of er sindsdien iets is veranderd en wie tekende, niet deze tekst. Controleer de handtekening met “Bestand controleren” in FRIA Wizard, of in uw pdf-lezer.',
  signOffSealAtPrintFields:
    'Toen deze pdf werd gemaakt, paste de beoordeling bij de hash in de ondertekeningen. De pdf is klaargezet om digitaal te worden ondertekend. Alleen een digitale handtekening laat zien of er sindsdien iets is veranderd en wie tekende, niet deze tekst. Kijk met “Bestand controleren” in FRIA Wizard, of in uw pdf-lezer, of de pdf is ondertekend en of de handtekening klopt.',
  signOffIntro:
    'Wie tekent, bevestigt de verklaring hieronder voor deze versie van de beoordeling. Het zegel (SHA-256-hash) dat bij elke handtekening is vastgelegd, moet gelijk zijn aan de hash van dit rapport.',
  signOffNotSigned: 'Niet ondertekend',
  signOffDeclaration: 'Verklaring',
  signOffRole: 'Rol',
  signOffRequired: 'verplicht',
  signOffOptional: 'niet verplicht',
  signOffName: 'Naam',
  signOffFunction: 'Functie',
  signOffOrganisation: 'Organisatie',
  signOffDate: 'Datum',
  signOffPlace: 'Plaats',
  signOffSignature: 'Handtekening',
  signOffSignatureTyped: 'Getypte naam: {name}',
  signOffSignatureDrawn: 'Getekende handtekening',
  signOffSignatureNone: 'Geen handtekening',
  signOffSeal: 'Zegel',
  signOffSealMatches: 'klopt met deze versie',
  signOffSealDiffers: 'klopt niet: de inhoud is na ondertekening veranderd',
  signOffPrevious: 'Handtekeningen van eerdere versies',
  signOffPreviousIntro:
    'Elke eerdere versie is ondertekend zoals die toen was. Deze handtekeningen gelden niet voor deze versie.',
  colVersion: 'Versie',
  colRole: 'Rol',
  colName: 'Naam',
  colDate: 'Datum',
  colSignedHash: 'Ondertekende hash',
  colCheck: 'Controle',
  versionCopyMatches: 'past bij de bewaarde kopie van versie {version}',
  versionCopyDiffers:
    'past niet bij de bewaarde kopie van versie {version}: de kopie of deze vastlegging is veranderd',
  versionCopyNone: 'geen kopie van versie {version} bewaard: de hash is hier niet te controleren',
  versionsTitle: 'Versies',
  versionStarted: 'Versie {version} gemaakt op {at}. Reden: {reason}',
  versionStartedNoReason: 'Versie {version} gemaakt op {at}. Er is geen reden vastgelegd.',
  changesTitle: 'Wat is veranderd sinds versie {version}',
  changesNone:
    'Niets in de antwoorden, notities, het register, de besluiten over voorstellen, aangepaste niveaus of de conclusie.',
  changesNoCopy:
    'Dit bestand bewaart geen kopie van versie {version}. Wat er is veranderd, is hier dus niet te zeggen.',
  changesLevel: '{domain}: eindniveau {before} → {after}',
  changesRatings: '{risk} “{title}”: {changes}',
  changesRating: '{rating} {before} → {after}',
  changesRatingLikelihood: 'Kans',
  changesRatingSeverity: 'Ernst',
  changesRatingResidualLikelihood: 'Kans na maatregelen',
  changesRatingResidualSeverity: 'Ernst na maatregelen',
  signOffPreviousNote: 'Deze handtekeningen horen bij versie {version} en gelden niet voor deze.',
  signOffWithdrawn: 'Ingetrokken ondertekeningen',
  signOffWithdrawnEntry:
    '{name} ({role}) tekende versie {version} op {signed} en trok die ondertekening in op {withdrawn}. Reden: {reason}',

  integrityIntro:
    'Met deze waarden kan iedereen controleren dat dit rapport bij precies één beoordeling hoort. FRIA Wizard berekent de hash opnieuw uit het bijgevoegde bestand.',
  integrityAssessmentHash: 'Hash van de beoordeling (SHA-256, RFC 8785)',
  integrityQuestionnaire: 'Vragenlijst',
  integrityQuestionnaireHash: 'Hash van de vragenlijst (SHA-256)',
  integrityQuestionnaireDiffers:
    'De vragenlijst van dit rapport heeft hash {actual}; de beoordeling is gemaakt met {declared}.',
  integrityAppVersion: 'Versie van FRIA Wizard',
  integrityFormat: 'Bestandsformaat',
  integrityAttachment: 'Bijgevoegd bestand',
  integrityGenerated: 'Rapport gemaakt',
  integrityHowTo:
    'Controleren: open deze pdf in FRIA Wizard ("Controleren"), of sla de bijlage op vanuit een pdf-lezer en open die in FRIA Wizard. Die berekent de hash opnieuw; die moet gelijk zijn aan de hash hierboven. Dezelfde hash laat zien dat dit rapport en dat bestand bij elkaar horen, niet dat er niets is veranderd of wie tekende: dat kan alleen een digitale handtekening.',

  docSubject: '{title} voor {system}',
  docKeywords: '{title}, {system}, grondrechten, impactbeoordeling, FRIA Wizard',

  embeddedNotPdf: 'Dit bestand is geen pdf.',
  embeddedNotFria:
    'Deze pdf is niet door FRIA Wizard gemaakt: er zit geen beoordelingsbestand in. Open de pdf die FRIA Wizard heeft geëxporteerd, of het .fria.json-bestand.',
  embeddedDamaged:
    'Deze pdf is beschadigd of onvolledig, daarom is de bijgevoegde beoordeling niet te lezen. Probeer het .fria.json-bestand of een andere kopie van de pdf.',
  embeddedTooLarge: 'Het bestand is te groot om te openen; de grens is {limit}.',
  embeddedUnpackTooLarge:
    'De bijgevoegde beoordeling zou uitgepakt groter worden dan {limit}, veel meer dan een beoordeling nodig heeft. Daarom is die niet geopend.',
};

const texts = { en, nl } as const;

/** The languages the report is written in. */
export type ReportLocale = keyof typeof texts;
export const REPORT_LOCALES: readonly ReportLocale[] = ['nl', 'en'];

/** The report language for a locale code: nl or en (English for anything else). */
export function reportLocale(locale: string): ReportLocale {
  return locale.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** A report text with `{name}` placeholders filled in. */
export function reportText(key: ReportTextKey, locale: string, params: MessageParams = {}): string {
  const template = texts[reportLocale(locale)][key];
  return fillTemplate(template, params);
}

/** Every key of the report texts, for the completeness test. */
export function reportTextKeys(locale: ReportLocale): string[] {
  return Object.keys(texts[locale]);
}

/** The framework elements of the coverage table, with our own short wording of each. */
export const FRAMEWORK_ELEMENTS: readonly {
  tag: string;
  framework: 'aiAct' | 'gdpr' | 'iama';
  code: string;
  text: Record<ReportLocale, string>;
  /** Also covered by the risk register or the measures, when those have entries. */
  alsoBy?: 'register' | 'measures';
}[] = [
  {
    tag: 'ai-act-27-a',
    framework: 'aiAct',
    code: '(a)',
    text: {
      en: 'The processes in which the system is used, in line with its intended purpose',
      nl: 'De processen waarin het systeem wordt gebruikt, passend bij het beoogde doel',
    },
  },
  {
    tag: 'ai-act-27-b',
    framework: 'aiAct',
    code: '(b)',
    text: {
      en: 'The period and frequency of use',
      nl: 'De periode en de frequentie van het gebruik',
    },
  },
  {
    tag: 'ai-act-27-c',
    framework: 'aiAct',
    code: '(c)',
    text: {
      en: 'The groups of people likely to be affected',
      nl: 'De groepen mensen die waarschijnlijk worden geraakt',
    },
  },
  {
    tag: 'ai-act-27-d',
    framework: 'aiAct',
    code: '(d)',
    text: {
      en: 'The specific risks of harm to those groups',
      nl: 'De specifieke risico’s op schade voor die groepen',
    },
    alsoBy: 'register',
  },
  {
    tag: 'ai-act-27-e',
    framework: 'aiAct',
    code: '(e)',
    text: {
      en: 'The measures for human oversight',
      nl: 'De maatregelen voor menselijk toezicht',
    },
  },
  {
    tag: 'ai-act-27-f',
    framework: 'aiAct',
    code: '(f)',
    text: {
      en: 'What happens when risks occur: internal governance and complaint routes',
      nl: 'Wat er gebeurt als risico’s zich voordoen: interne governance en klachtenregeling',
    },
    alsoBy: 'measures',
  },
  {
    tag: 'gdpr-35-7-a',
    framework: 'gdpr',
    code: '(a)',
    text: {
      en: 'A systematic description of the processing and its purposes',
      nl: 'Een systematische beschrijving van de verwerking en de doelen',
    },
  },
  {
    tag: 'gdpr-35-7-b',
    framework: 'gdpr',
    code: '(b)',
    text: {
      en: 'The necessity and proportionality of the processing',
      nl: 'De noodzaak en de evenredigheid van de verwerking',
    },
  },
  {
    tag: 'gdpr-35-7-c',
    framework: 'gdpr',
    code: '(c)',
    text: {
      en: 'The risks to the rights and freedoms of the people concerned',
      nl: 'De risico’s voor de rechten en vrijheden van de betrokkenen',
    },
    alsoBy: 'register',
  },
  {
    tag: 'gdpr-35-7-d',
    framework: 'gdpr',
    code: '(d)',
    text: {
      en: 'The measures, safeguards and security to address the risks',
      nl: 'De maatregelen, waarborgen en beveiliging tegen de risico’s',
    },
    alsoBy: 'measures',
  },
  {
    tag: 'iama-1',
    framework: 'iama',
    code: '1',
    text: {
      en: 'Why: purpose, reasons, intended effects and public values',
      nl: 'Waarom: doel, aanleiding, beoogde effecten en publieke waarden',
    },
  },
  {
    tag: 'iama-2',
    framework: 'iama',
    code: '2',
    text: {
      en: 'What: the input data and the algorithm',
      nl: 'Wat: de invoerdata en het algoritme',
    },
  },
  {
    tag: 'iama-3',
    framework: 'iama',
    code: '3',
    text: {
      en: 'How: implementation, use of the output, human involvement and communication',
      nl: 'Hoe: invoering, gebruik van de uitkomsten, menselijke tussenkomst en communicatie',
    },
  },
  {
    tag: 'iama-4',
    framework: 'iama',
    code: '4',
    text: {
      en: 'Fundamental rights: which rights are touched and how they are weighed',
      nl: 'Grondrechten: welke grondrechten worden geraakt en hoe die worden afgewogen',
    },
  },
];
