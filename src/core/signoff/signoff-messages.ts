/**
 * Plain-language texts for sign-off blockers and the integrity seal, in every UI language. Kept in
 * the core next to `messages.ts` (and in the same form) because the CLI, the PDF and the app all
 * show them.
 */
import type { MessageParams } from '../texts/messages';
import { fillTemplate } from '../texts/template';

export const signOffTemplates = {
  en: {
    openRequired: 'Required question not answered: "{label}".',
    unconfirmedCarried:
      'Answer taken over from another assessment and not confirmed yet: "{label}". Check it and confirm it, or change it.',
    redFlagWithoutResponse: 'Red flag without a response: "{text}".',
    missingConclusion: 'The conclusion is missing: choose a decision and explain it.',
    missingReasoning: 'The conclusion has no reasoning yet.',
    missingConditions: 'The conclusion "proceed with conditions" lists no conditions.',
    openProposal:
      'Proposed risk not handled yet: "{title}". Add it to the register (alone or with others) or dismiss it with a reason.',
    preparerFirst: 'The {role} signs first.',
    unknownRole: 'Unknown sign-off role "{role}".',
    missingName: 'Fill in the name of the person signing.',
    missingDate: 'Fill in the date of signing.',
    missingSignature: 'Sign by drawing or typing your name.',
    alreadySigned:
      '{name} has already signed this version as {role}. One person signs a role once; choose another role, or withdraw that signature first.',
    withdrawNotFound: 'This sign-off cannot be withdrawn: it is not a signature of this version.',
    withdrawNotOwn:
      'Only the person who signed can withdraw this sign-off: type the name as it was signed ({name}).',
    withdrawNoReason: 'Say why you withdraw your sign-off.',
    withdrawDeclaration: '{name} withdraws their sign-off of this version.',
    // Seal (unkeyed hashes: they show consistency, never on their own "unchanged since signing")
    sealValid: 'Matches the content hash recorded when {name} ({role}) signed on {date}.',
    sealPreviousVersion:
      '{name} ({role}) signed version {version}. This is version {current}: that signature does not cover it.',
    sealChanged:
      'Does not match: {name} ({role}) signed on {date} a content with another hash than the content now in the file.',
    sealRecordAltered:
      'The record of the sign-off by {name} ({role}) does not match its chain hash: it, or a sign-off before it, was changed, removed or moved after it was recorded.',
    sealRecordUnchained:
      'Recorded before sign-offs were chained: name, role and date of this sign-off are not protected.',
    sealUnsigned: 'Not signed yet.',
    sealSummaryValid:
      'The file is internally consistent: its content matches the hash recorded in the sign-offs. Anyone can recompute that hash after an edit, so this alone does not prove that nothing was changed since signing, nor who signed.',
    sealSummaryValidSigned:
      'The content matches the hash recorded in the sign-offs, and a valid digital signature covers this file.',
    sealSummaryChanged:
      'The content or the sign-off records no longer match the hashes recorded when they were signed: something was changed afterwards.',
    sealSummaryPrevious:
      'Version {current} has not been signed; the signatures belong to an earlier version.',
    sealSummaryUnsigned: 'This assessment has not been signed.',
  },
  nl: {
    openRequired: 'Verplichte vraag niet beantwoord: "{label}".',
    unconfirmedCarried:
      'Antwoord overgenomen uit een andere beoordeling en nog niet bevestigd: "{label}". Controleer en bevestig het, of pas het aan.',
    redFlagWithoutResponse: 'Rode vlag zonder reactie: "{text}".',
    missingConclusion: 'De conclusie ontbreekt: kies een besluit en leg het uit.',
    missingReasoning: 'Bij de conclusie staat nog geen uitleg.',
    missingConditions: 'Bij de conclusie "doorgaan onder voorwaarden" staan geen voorwaarden.',
    openProposal:
      'Voorgesteld risico nog niet behandeld: "{title}". Neem het op in het register (alleen of samen met andere) of wijs het af met een reden.',
    preparerFirst: 'De {role} tekent als eerste.',
    unknownRole: 'Onbekende rol voor ondertekening: "{role}".',
    missingName: 'Vul de naam in van wie tekent.',
    missingDate: 'Vul de datum van ondertekening in.',
    missingSignature: 'Teken met de muis, vinger of pen, of typ uw naam.',
    alreadySigned:
      '{name} heeft deze versie al ondertekend als {role}. Iemand tekent een rol maar één keer; kies een andere rol, of trek die handtekening eerst in.',
    withdrawNotFound:
      'Deze ondertekening kan niet worden ingetrokken: het is geen handtekening bij deze versie.',
    withdrawNotOwn:
      'Alleen wie tekende kan deze ondertekening intrekken: typ de naam zoals die is ondertekend ({name}).',
    withdrawNoReason: 'Schrijf op waarom u uw ondertekening intrekt.',
    withdrawDeclaration: '{name} trekt de ondertekening van deze versie in.',
    sealValid: 'Past bij de inhoudshash die is vastgelegd toen {name} ({role}) tekende op {date}.',
    sealPreviousVersion:
      '{name} ({role}) tekende versie {version}. Dit is versie {current}: die handtekening geldt hier niet voor.',
    sealChanged:
      'Past niet: {name} ({role}) tekende op {date} voor een inhoud met een andere hash dan de inhoud die nu in het bestand staat.',
    sealRecordAltered:
      'De vastlegging van de ondertekening door {name} ({role}) past niet bij de kettinghash: die ondertekening, of een ondertekening ervoor, is veranderd, verwijderd of verplaatst nadat ze werd vastgelegd.',
    sealRecordUnchained:
      'Vastgelegd voordat ondertekeningen aan elkaar werden gekoppeld: naam, rol en datum van deze ondertekening zijn niet beschermd.',
    sealUnsigned: 'Nog niet ondertekend.',
    sealSummaryValid:
      'Het bestand is intern consistent: de inhoud past bij de hash in de ondertekeningen. Iedereen kan die hash na een wijziging opnieuw berekenen. Dit bewijst dus niet dat er sinds de ondertekening niets is veranderd, en ook niet wie tekende.',
    sealSummaryValidSigned:
      'De inhoud past bij de hash in de ondertekeningen, en een geldige digitale handtekening dekt dit bestand.',
    sealSummaryChanged:
      'De inhoud of de vastgelegde ondertekeningen passen niet meer bij de hashes van het moment van tekenen: er is daarna iets veranderd.',
    sealSummaryPrevious:
      'Versie {current} is niet ondertekend; de handtekeningen horen bij een eerdere versie.',
    sealSummaryUnsigned: 'Deze beoordeling is niet ondertekend.',
  },
} as const;

export type SignOffMessageCode = keyof (typeof signOffTemplates)['en'];

/** Formats a sign-off or seal message in the given locale (English when the locale is unknown). */
export function signOffMessage(
  code: SignOffMessageCode,
  params: MessageParams,
  locale: string,
): string {
  const set =
    (signOffTemplates as Record<string, Record<SignOffMessageCode, string>>)[locale] ??
    signOffTemplates.en;
  return fillTemplate(set[code], params);
}

/** Labels for the parts of an assessment, used to say where a change is. */
export const partLabels = {
  en: {
    answer: 'answer to "{label}"',
    note: 'note with "{label}"',
    redFlagResponse: 'response to red flag "{label}"',
    risk: 'risk "{label}" in the register',
    register: 'the risk register',
    proposal: 'decision on a proposed risk',
    override: 'level override for "{label}"',
    conclusion: 'the conclusion',
    meta: 'the details ({field})',
    questionnaire: 'the questionnaire used',
    version: 'the version number',
    setAside: 'answers kept aside',
    signOffs: 'the sign-offs (who signed, in which role, when)',
    other: '{path}',
  },
  nl: {
    answer: 'antwoord op "{label}"',
    note: 'notitie bij "{label}"',
    redFlagResponse: 'reactie op rode vlag "{label}"',
    risk: 'risico "{label}" in het register',
    register: 'het risicoregister',
    proposal: 'besluit over een voorgesteld risico',
    override: 'aangepast niveau voor "{label}"',
    conclusion: 'de conclusie',
    meta: 'de gegevens ({field})',
    questionnaire: 'de gebruikte vragenlijst',
    version: 'het versienummer',
    setAside: 'apart gezette antwoorden',
    signOffs: 'de ondertekeningen (wie tekende, in welke rol, wanneer)',
    other: '{path}',
  },
} as const;

export type PartCode = keyof (typeof partLabels)['en'];

export function partLabel(code: PartCode, params: MessageParams, locale: string): string {
  const set = (partLabels as Record<string, Record<PartCode, string>>)[locale] ?? partLabels.en;
  return fillTemplate(set[code], params);
}
