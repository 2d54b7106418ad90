/**
 * Plain-language texts (nl/en) for signing errors and verification results. Shared by the app and
 * the CLI; kept out of the core because only the signing code produces these situations.
 */
import { fillTemplate } from '../core/texts/template';

export type SigningParams = Record<string, string | number>;

export const signingTemplates = {
  en: {
    // Errors while signing
    notPkcs12:
      'This file is not a certificate file (PKCS#12, usually ending in .p12 or .pfx). Choose the file that holds your certificate and private key.',
    wrongPassword:
      'The password does not open this certificate file. Check the password and try again.',
    legacyP12:
      'This certificate file uses old encryption (3DES or RC2) that browsers cannot open. Export it again with AES-256 encryption (in Windows: "AES256-SHA256"; with OpenSSL: "openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256").',
    p12TooCostly:
      'This certificate file asks for an unusual amount of computation to open ({count} rounds; at most {limit} are accepted), so it is not opened. Export it again with the usual settings.',
    notCertificate:
      'This file is not a certificate (PEM or DER, usually ending in .pem, .crt or .cer). Choose a certificate file you trust.',
    noPrivateKey: 'The certificate file holds no private key, so it cannot sign.',
    noCertificate: 'The certificate file holds no certificate that belongs to its private key.',
    certificateExpired:
      'The certificate of {subject} expired on {date}. Signing with an expired certificate is not possible.',
    certificateNotYetValid:
      'The certificate of {subject} is not valid until {date}. Signing with it is not possible yet.',
    keyCannotSign:
      'The certificate of {subject} may not be used for signatures (its key usage allows neither "digital signature" nor "non-repudiation"). Use your signing certificate.',
    unsupportedKeyType:
      'The certificate uses a key type this app cannot sign with ({type}). RSA and ECDSA (P-256, P-384, P-521) keys work.',
    notPdf: 'This file is not a PDF.',
    encryptedPdf:
      'This PDF is protected with encryption. Signing and checking it is not possible here.',
    unsupportedPdf: 'This PDF has a structure this app cannot read: {detail}',
    noPages: 'This PDF has no pages.',
    fieldNotFound: 'There is no empty signature field named "{field}" in this PDF.',
    fieldTaken: 'The signature field "{field}" is already signed.',
    signatureTooLarge:
      'The signature does not fit in the space reserved for it. Please report this.',
    // Verification
    verifyNoSignatures: 'This PDF has no digital signature.',
    verifyEmptyField:
      'Signature field "{field}" is empty: it was prepared for signing but not signed.',
    verifySignatureValid: 'Signature {index} by {signer}: the signed content is unchanged.',
    verifySignatureChanged:
      'Signature {index} by {signer}: the document was CHANGED since signing. {where}',
    verifySignatureBroken:
      'Signature {index}: the signature itself is damaged or invalid ({detail}).',
    verifyWhereFirst:
      'The change is within the first {bytes} bytes; the signature cannot tell which byte.',
    verifyWhereBetween:
      'The change is in the part added after signature {previous} (bytes {from}–{to}); the earlier part is unchanged.',
    verifyTrusted: 'The certificate is trusted: it leads to a certificate you trust ({anchor}).',
    verifyNotTrusted: 'The certificate does NOT lead to any certificate you trust: {detail}',
    verifyTrustNotChecked:
      'Integrity valid, signer not verified: no trusted certificates were given, so who signed cannot be confirmed.',
    verifySigningTime: 'Signing time (as stated by the signer): {time}.',
    verifyCertificate:
      'Certificate: {subject}; issued by {issuer}; serial number {serial}; valid from {from} to {to}.',
    verifyCertExpiredNow: 'The certificate has expired since ({date}).',
    verifyCertInvalidAtSigning: 'The certificate was not valid at the stated signing time.',
    verifyEssMismatch:
      'The signature names a different signing certificate than the one it contains (ESS signing-certificate attribute).',
    verifyCoversAll: 'It covers the whole document.',
    verifyLaterSignatures: 'After it, only signatures were added ({count}).',
    verifyModifiedAfter: 'The document was changed after the last signature: {changes}.',
    verifyMetadataAfter:
      'After the last signature only document properties were updated: {changes}.',
    verifyTrailingBytes:
      'There are {count} bytes after the end of the document that no signature covers: something was added after signing.',
    verifyNoAssessment:
      'No FRIA Wizard assessment is attached to this PDF, so the seal cannot be checked.',
    verifyAssessmentUnreadable: 'The attached assessment could not be read: {detail}',
    verifySealChangedWhere: 'Changed in the assessment: {parts}.',
    verifySealHoldsElsewhere:
      'The assessment data attached to the PDF still matches its seal, so the change is elsewhere in the PDF (for example in the printed pages).',
    // Why a certificate is not trusted (after "does NOT lead to any certificate you trust:")
    trustKeyUsage: 'the certificate may not be used for signatures',
    trustNotValidAtSigning: '"{name}" was not valid at the signing time',
    trustUnknownCritical:
      '"{name}" has an extension marked critical that this app does not understand ({oid})',
    trustNoIssuer: 'no trusted certificate issued "{name}"',
    trustNotCa: '"{name}" is not a certificate authority',
    trustNoCertSign: '"{name}" may not issue certificates (its key usage lacks keyCertSign)',
    trustPathLength:
      '"{name}" allows at most {limit} intermediate certificate(s) below it; this path has {depth}',
    trustChainTooLong: 'the certificate chain is too long',
    // Why a signature is damaged or invalid (inside "the signature itself is damaged or invalid (…)")
    brokenByteRange: 'the signed byte range does not match the signature contents',
    brokenUnreadable: 'the signature data cannot be read',
    brokenNoSigner: 'it names no signer',
    brokenNoCertificate: 'the signer’s certificate is not included',
    brokenDigestAlgorithm: 'unknown digest algorithm {oid}',
    brokenSignatureAlgorithm:
      'signature algorithm {oid} is not accepted (accepted: RSA PKCS#1 v1.5 and ECDSA with SHA-256, SHA-384 or SHA-512)',
    brokenNoMessageDigest: 'the digest of the signed content is missing',
    brokenKeyMismatch: 'the cryptographic signature does not match the signer’s key',
    brokenDamaged: 'the signature data is damaged',
    brokenNotFound: 'the signature data cannot be found or read',
    // What changed in a later revision
    changePage: 'page {page}',
    changePageAnnots: 'annotations on page {page}',
    changeCatalog: 'the document structure ({keys})',
    changeAttachment: 'an attached file',
    changeNames: 'the list of attachments or named destinations',
    changeFormField: 'form field "{field}"',
    changeInfo: 'document properties',
    changeMetadata: 'XMP metadata',
    changeObject: 'object {num} ({type})',
    changeRemoved: 'object {num} was removed',
    changeRemovedOnPage: 'object {num} on page {page} was removed',
    changeAnnotation: 'an annotation on page {page}',
    changeAnnotationOffPage: 'an annotation that is on no page',
    changeSignatureField: 'a signature field on page {page} (its appearance or value)',
    changeSignatureFieldOffPage: 'a signature field that is on no page',
    changeUnreferenced: 'object {num}, which nothing in the document uses (yet)',
    changeValidationData: 'validation data for the signatures (not shown on any page)',
    changeUnsignedRevision:
      'an update without a signature that rewrites {count} parts of the file without changing them',
    changeUnreadable:
      'an update whose structure cannot be read, so what it changes cannot be told (a PDF reader may still show it)',
    changeTooComplex:
      'parts too complex to check completely, so a change to what the pages show cannot be ruled out',
    verifyChangedAfterThis:
      'After this signature, without a signature, the document was changed: {changes}.',
    verifySignatureAddedOnPage:
      'After this signature, a signature by {signer} was added on page {page}.',
    verifySignatureAddedInvisible:
      'After this signature, a signature by {signer} was added (it is not visible on a page).',
    // Overall
    verdictValidUpdated:
      'Valid: the signed content is unchanged. After signing, the file was updated without a signature, in ways that do not change what the pages show (see below).',
    verdictValidUpdatedUntrusted:
      'Valid: the signed content is unchanged. After signing, the file was updated without a signature, in ways that do not change what the pages show (see below). Who signed is not verified.',
    verdictValid:
      'Valid: the digital signature holds and covers the whole document; nothing was changed since signing.',
    verdictValidUntrusted:
      'Valid: the digital signature holds and covers the whole document; nothing was changed since signing. Who signed is not verified (no trusted certificates were given).',
    verdictValidChangedAfter:
      'NOT valid as it is now: the digital signature holds for what was signed, but the document was changed after signing. See below what changed and on which page.',
    verdictConsistent:
      'Internally consistent only: there is no digital signature, so this does not prove that nothing was changed, nor who signed.',
    verdictReplaced:
      'NOT valid: the assessment attached to this PDF is not the one that was signed — it was replaced after signing.',
    verdictAttachedAfter:
      'NOT valid: the assessment was attached to this PDF after it was signed; no signature covers it.',
    verdictFailed:
      'NOT valid: something was changed after signing, or a signature is damaged. See the findings below.',
    verdictUnreadable: 'Unreadable: this file cannot be checked. See the findings below.',
    verdictUnsigned: 'Not signed: there is nothing to check.',
    verdictDraftOne: 'Draft: the {roles} has not signed yet.',
    verdictDraftMany: 'Draft: the {roles} have not signed yet.',
    // The assessment beside its digital signature
    verifyNoDetached:
      'This assessment file has no digital signature (no .p7s signature file was given with it).',
    verifyFileUnreadable: 'The assessment file could not be read: {detail}',
    verifyCopySame: 'The attached assessment is the one covered by signature {index}.',
    verifyCopyDiffers:
      'The attached assessment a reader extracts today differs from the one signed with signature {index}: {parts}.',
    verifyCopyAbsent:
      'The attached assessment was added after the last signature: no digital signature covers it.',
    verifyEarlierVersions:
      'Earlier versions (signatures that do not cover version {current}): {list}.',
    verifyEarlierOne: '{name} ({role}, version {version})',
    verifyEarlierUnchained: 'Recorded before sign-offs were chained: not protected.',
    // Library import of a digitally signed PDF
    importReplacedAfterSigning:
      'The assessment attached to this PDF was replaced after the PDF was signed. The copy that was signed (signature {index}) was imported, not the replacement. Check the PDF with “Verify a file”.',
    importAttachedAfterSigning:
      'The assessment was attached to this PDF after it was signed, so no signature covers it. It was not imported. Check the PDF with “Verify a file”.',
    importSignatureBroken:
      'The digital signature of this PDF does not hold: the file was changed after signing or is damaged. Nothing was imported. Check the PDF with “Verify a file”.',
    importDetachedValid:
      'The digital signature {signature} holds: this assessment file is unchanged since {signer} signed it. Who signed is not verified here; “Verify a file” checks that with a certificate you trust.',
    importDetachedBroken:
      'The digital signature {signature} does not hold for this assessment file: the file was changed after signing, or the signature is damaged or belongs to another file. Nothing was imported. Check both files with “Verify a file”.',
    importDetachedAlone:
      'This signature file ({signature}) was chosen without the assessment file it signs. Choose both files together.',
  },
  nl: {
    notPkcs12:
      'Dit is geen certificaatbestand (PKCS#12, meestal met de extensie .p12 of .pfx). Kies het bestand met uw certificaat en privésleutel.',
    wrongPassword:
      'Met dit wachtwoord gaat het certificaatbestand niet open. Controleer het wachtwoord en probeer het opnieuw.',
    legacyP12:
      'Dit certificaatbestand gebruikt oude versleuteling (3DES of RC2) die browsers niet kunnen openen. Exporteer het opnieuw met AES-256-versleuteling (in Windows: "AES256-SHA256"; met OpenSSL: "openssl pkcs12 -export -keypbe AES-256-CBC -certpbe AES-256-CBC -macalg sha256").',
    p12TooCostly:
      'Dit certificaatbestand vraagt ongewoon veel rekenwerk om te openen ({count} rondes; hoogstens {limit} toegestaan). Daarom wordt het niet geopend. Exporteer het opnieuw met de gebruikelijke instellingen.',
    notCertificate:
      'Dit bestand is geen certificaat (PEM of DER, meestal met de extensie .pem, .crt of .cer). Kies een certificaatbestand dat u vertrouwt.',
    noPrivateKey:
      'In het certificaatbestand zit geen privésleutel, dus er kan niet mee worden ondertekend.',
    noCertificate: 'In het certificaatbestand zit geen certificaat dat bij de privésleutel hoort.',
    certificateExpired:
      'Het certificaat van {subject} is verlopen op {date}. Met een verlopen certificaat kunt u niet ondertekenen.',
    certificateNotYetValid:
      'Het certificaat van {subject} is pas geldig vanaf {date}. U kunt er nog niet mee ondertekenen.',
    keyCannotSign:
      'Het certificaat van {subject} mag niet worden gebruikt voor handtekeningen (het sleutelgebruik staat "digitale handtekening" en "onweerlegbaarheid" niet toe). Gebruik uw certificaat voor ondertekenen.',
    unsupportedKeyType:
      'Het certificaat gebruikt een soort sleutel waarmee deze app niet kan ondertekenen ({type}). RSA- en ECDSA-sleutels (P-256, P-384, P-521) werken wel.',
    notPdf: 'Dit bestand is geen pdf.',
    encryptedPdf:
      'Deze pdf is beveiligd met versleuteling. Ondertekenen en controleren kan hier niet.',
    unsupportedPdf: 'Deze pdf is opgebouwd op een manier die deze app niet kan lezen: {detail}',
    noPages: 'Deze pdf heeft geen pagina’s.',
    fieldNotFound: 'Er is geen leeg handtekeningveld met de naam "{field}" in deze pdf.',
    fieldTaken: 'Het handtekeningveld "{field}" is al ondertekend.',
    signatureTooLarge:
      'De handtekening past niet in de ruimte die ervoor is gereserveerd. Meld dit alstublieft.',
    verifyNoSignatures: 'Deze pdf heeft geen digitale handtekening.',
    verifyEmptyField:
      'Handtekeningveld "{field}" is leeg: het is klaargezet voor ondertekening, maar niet ondertekend.',
    verifySignatureValid:
      'Handtekening {index} van {signer}: de ondertekende inhoud is niet veranderd.',
    verifySignatureChanged:
      'Handtekening {index} van {signer}: het document is VERANDERD na de ondertekening. {where}',
    verifySignatureBroken:
      'Handtekening {index}: de handtekening zelf is beschadigd of ongeldig ({detail}).',
    verifyWhereFirst:
      'De verandering zit in de eerste {bytes} bytes; de handtekening kan niet zeggen welke byte.',
    verifyWhereBetween:
      'De verandering zit in het deel dat na handtekening {previous} is toegevoegd (bytes {from}–{to}); het eerdere deel is niet veranderd.',
    verifyTrusted:
      'Het certificaat wordt vertrouwd: het leidt naar een certificaat dat u vertrouwt ({anchor}).',
    verifyNotTrusted: 'Het certificaat leidt NIET naar een certificaat dat u vertrouwt: {detail}',
    verifyTrustNotChecked:
      'Inhoud ongewijzigd, ondertekenaar niet gecontroleerd: er zijn geen vertrouwde certificaten opgegeven, dus wie tekende is niet bevestigd.',
    verifySigningTime: 'Tijdstip van ondertekenen (zoals de ondertekenaar het opgeeft): {time}.',
    verifyCertificate:
      'Certificaat: {subject}; uitgegeven door {issuer}; serienummer {serial}; geldig van {from} tot {to}.',
    verifyCertExpiredNow: 'Het certificaat is inmiddels verlopen ({date}).',
    verifyCertInvalidAtSigning:
      'Het certificaat was niet geldig op het opgegeven tijdstip van ondertekenen.',
    verifyEssMismatch:
      'De handtekening noemt een ander certificaat dan het certificaat dat erin zit (ESS-attribuut signing-certificate).',
    verifyCoversAll: 'De handtekening dekt het hele document.',
    verifyLaterSignatures: 'Daarna zijn alleen handtekeningen toegevoegd ({count}).',
    verifyModifiedAfter: 'Het document is veranderd na de laatste handtekening: {changes}.',
    verifyMetadataAfter:
      'Na de laatste handtekening zijn alleen documenteigenschappen bijgewerkt: {changes}.',
    verifyTrailingBytes:
      'Er staan {count} bytes na het einde van het document die geen handtekening dekt: er is iets toegevoegd na de ondertekening.',
    verifyNoAssessment:
      'Aan deze pdf is geen beoordeling van FRIA Wizard gekoppeld, dus het zegel kan niet worden gecontroleerd.',
    verifyAssessmentUnreadable: 'De gekoppelde beoordeling kon niet worden gelezen: {detail}',
    verifySealChangedWhere: 'Veranderd in de beoordeling: {parts}.',
    verifySealHoldsElsewhere:
      'De beoordelingsgegevens die aan de pdf zijn gekoppeld passen nog bij hun zegel. De verandering zit dus ergens anders in de pdf (bijvoorbeeld in de afgedrukte pagina’s).',
    trustKeyUsage: 'het certificaat mag niet worden gebruikt voor handtekeningen',
    trustNotValidAtSigning: '"{name}" was niet geldig op het tijdstip van ondertekenen',
    trustUnknownCritical:
      '"{name}" heeft een uitbreiding die als verplicht is gemarkeerd en die deze app niet kent ({oid})',
    trustNoIssuer: 'geen vertrouwd certificaat heeft "{name}" uitgegeven',
    trustNotCa: '"{name}" is geen uitgever van certificaten',
    trustNoCertSign:
      '"{name}" mag geen certificaten uitgeven (het sleutelgebruik staat dat niet toe: keyCertSign ontbreekt)',
    trustPathLength:
      '"{name}" staat hoogstens {limit} tussenliggende certificaten onder zich toe; dit pad heeft er {depth}',
    trustChainTooLong: 'de rij van certificaten is te lang',
    brokenByteRange: 'het ondertekende deel van het bestand past niet bij de handtekening',
    brokenUnreadable: 'de gegevens van de handtekening zijn niet te lezen',
    brokenNoSigner: 'er staat geen ondertekenaar in',
    brokenNoCertificate: 'het certificaat van de ondertekenaar zit er niet bij',
    brokenDigestAlgorithm: 'onbekende hashfunctie {oid}',
    brokenSignatureAlgorithm:
      'handtekeningmethode {oid} wordt niet aanvaard (wel: RSA PKCS#1 v1.5 en ECDSA met SHA-256, SHA-384 of SHA-512)',
    brokenNoMessageDigest: 'de hash van de ondertekende inhoud ontbreekt',
    brokenKeyMismatch:
      'de cryptografische handtekening past niet bij de sleutel van de ondertekenaar',
    brokenDamaged: 'de gegevens van de handtekening zijn beschadigd',
    brokenNotFound: 'de gegevens van de handtekening zijn niet te vinden of niet te lezen',
    changePage: 'pagina {page}',
    changePageAnnots: 'aantekeningen op pagina {page}',
    changeCatalog: 'de opbouw van het document ({keys})',
    changeAttachment: 'een bijgevoegd bestand',
    changeNames: 'de lijst met bijlagen of benoemde bestemmingen',
    changeFormField: 'formulierveld "{field}"',
    changeInfo: 'documenteigenschappen',
    changeMetadata: 'XMP-metadata',
    changeObject: 'object {num} ({type})',
    changeRemoved: 'object {num} is verwijderd',
    changeRemovedOnPage: 'object {num} op pagina {page} is verwijderd',
    changeAnnotation: 'een aantekening op pagina {page}',
    changeAnnotationOffPage: 'een aantekening die op geen enkele pagina staat',
    changeSignatureField:
      'een handtekeningveld op pagina {page} (hoe het eruitziet of wat erin staat)',
    changeSignatureFieldOffPage: 'een handtekeningveld dat op geen enkele pagina staat',
    changeUnreferenced: 'object {num}, dat (nog) nergens in het document wordt gebruikt',
    changeValidationData: 'controlegegevens voor de handtekeningen (niet zichtbaar op een pagina)',
    changeUnsignedRevision:
      'een bijwerking zonder handtekening die {count} delen van het bestand opnieuw schrijft zonder ze te veranderen',
    changeUnreadable:
      'een bijwerking waarvan de opbouw niet te lezen is, dus wat die verandert is niet te zeggen (een pdf-lezer kan die wel tonen)',
    changeTooComplex:
      'delen die te ingewikkeld zijn om helemaal te controleren, dus een verandering van wat op de pagina’s staat is niet uit te sluiten',
    verifyChangedAfterThis:
      'Na deze handtekening is het document zonder handtekening veranderd: {changes}.',
    verifySignatureAddedOnPage:
      'Na deze handtekening is op pagina {page} een handtekening van {signer} toegevoegd.',
    verifySignatureAddedInvisible:
      'Na deze handtekening is een handtekening van {signer} toegevoegd (niet zichtbaar op een pagina).',
    verdictValidUpdated:
      'Geldig: de ondertekende inhoud is niet veranderd. Na de ondertekening is het bestand zonder handtekening bijgewerkt, op een manier die niet verandert wat op de pagina’s staat (zie hieronder).',
    verdictValidUpdatedUntrusted:
      'Geldig: de ondertekende inhoud is niet veranderd. Na de ondertekening is het bestand zonder handtekening bijgewerkt, op een manier die niet verandert wat op de pagina’s staat (zie hieronder). Wie tekende is niet gecontroleerd.',
    verdictValid:
      'Geldig: de digitale handtekening klopt en dekt het hele document; er is niets veranderd sinds de ondertekening.',
    verdictValidUntrusted:
      'Geldig: de digitale handtekening klopt en dekt het hele document; er is niets veranderd sinds de ondertekening. Wie tekende is niet gecontroleerd (er zijn geen vertrouwde certificaten opgegeven).',
    verdictValidChangedAfter:
      'NIET geldig zoals het nu is: de digitale handtekening klopt voor wat werd ondertekend, maar het document is na de ondertekening veranderd. Zie hieronder wat er veranderde en op welke pagina.',
    verdictConsistent:
      'Alleen intern consistent: er is geen digitale handtekening. Dit bewijst dus niet dat er niets is veranderd, en ook niet wie tekende.',
    verdictReplaced:
      'NIET geldig: de beoordeling die aan deze pdf is gekoppeld, is niet de beoordeling die is ondertekend. Ze is na de ondertekening vervangen.',
    verdictAttachedAfter:
      'NIET geldig: de beoordeling is pas na de ondertekening aan deze pdf gekoppeld; geen handtekening dekt haar.',
    verdictFailed:
      'NIET geldig: er is iets veranderd na de ondertekening, of een handtekening is beschadigd. Zie de bevindingen hieronder.',
    verdictUnreadable:
      'Onleesbaar: dit bestand kan niet worden gecontroleerd. Zie de bevindingen hieronder.',
    verdictUnsigned: 'Niet ondertekend: er is niets te controleren.',
    verdictDraftOne: 'Concept: de {roles} heeft nog niet getekend.',
    verdictDraftMany: 'Concept: de {roles} hebben nog niet getekend.',
    verifyNoDetached:
      'Dit beoordelingsbestand heeft geen digitale handtekening (er is geen .p7s-handtekeningbestand bij gegeven).',
    verifyFileUnreadable: 'Het beoordelingsbestand kon niet worden gelezen: {detail}',
    verifyCopySame: 'De gekoppelde beoordeling is de beoordeling die handtekening {index} dekt.',
    verifyCopyDiffers:
      'De gekoppelde beoordeling die een lezer nu uit de pdf haalt, verschilt van de beoordeling die met handtekening {index} is ondertekend: {parts}.',
    verifyCopyAbsent:
      'De gekoppelde beoordeling is na de laatste handtekening toegevoegd: geen digitale handtekening dekt haar.',
    verifyEarlierVersions:
      'Eerdere versies (handtekeningen die niet gelden voor versie {current}): {list}.',
    verifyEarlierOne: '{name} ({role}, versie {version})',
    verifyEarlierUnchained:
      'Vastgelegd voordat ondertekeningen aan elkaar werden gekoppeld: niet beschermd.',
    importReplacedAfterSigning:
      'De beoordeling in deze pdf is vervangen nadat de pdf werd ondertekend. De ondertekende versie (handtekening {index}) is geïmporteerd, niet de vervanging. Controleer de pdf met “Bestand controleren”.',
    importAttachedAfterSigning:
      'De beoordeling is pas na de ondertekening aan deze pdf gekoppeld; geen handtekening dekt haar. Ze is niet geïmporteerd. Controleer de pdf met “Bestand controleren”.',
    importSignatureBroken:
      'De digitale handtekening van deze pdf klopt niet: het bestand is na de ondertekening veranderd of beschadigd. Er is niets geïmporteerd. Controleer de pdf met “Bestand controleren”.',
    importDetachedValid:
      'De digitale handtekening {signature} klopt: dit beoordelingsbestand is niet veranderd sinds {signer} het ondertekende. Wie tekende is hier niet gecontroleerd; dat doet “Bestand controleren” met een certificaat dat u vertrouwt.',
    importDetachedBroken:
      'De digitale handtekening {signature} klopt niet bij dit beoordelingsbestand: het bestand is na de ondertekening veranderd, of de handtekening is beschadigd of hoort bij een ander bestand. Er is niets geïmporteerd. Controleer beide bestanden met “Bestand controleren”.',
    importDetachedAlone:
      'Dit handtekeningbestand ({signature}) is gekozen zonder het beoordelingsbestand dat het ondertekent. Kies beide bestanden samen.',
  },
} as const;

export type SigningMessageCode = keyof (typeof signingTemplates)['en'];

/** A reason for people, kept as a code and its values until it is said in the reader's language. */
export interface SigningReason {
  code: SigningMessageCode;
  params: SigningParams;
}

/** A message in the locale (English when the locale is unknown). */
export function signingText(
  code: SigningMessageCode,
  params: SigningParams,
  locale: string,
): string {
  const set =
    (signingTemplates as Record<string, Record<SigningMessageCode, string>>)[locale] ??
    signingTemplates.en;
  return fillTemplate(set[code], params);
}

/** Every error the signing code raises on purpose: a code for the program, a text for people. */
export class SigningError extends Error {
  constructor(
    readonly code: SigningMessageCode,
    readonly params: SigningParams = {},
    options?: { cause?: unknown },
  ) {
    super(signingText(code, params, 'en'), options);
    this.name = 'SigningError';
  }

  /** The message in the user's language. */
  text(locale: string): string {
    return signingText(this.code, this.params, locale);
  }
}
