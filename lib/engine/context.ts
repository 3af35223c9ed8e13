// Release type and context flags inferred from the text when the user gives none, so a first
// review is useful before anyone opens the settings. The report says it inferred them, and
// why, and the user can override both.
//
// The cues follow press-office conventions: the release's own labels at the top ("UPDATE 3",
// "CORRECTION", "STATEMENT", "HOLDING STATEMENT") say most; incident words decide whether there
// is a crisis at all, once job titles and agency names ("fire chief", "Fire Department",
// "emergency management") are set aside, since they name who speaks, not what happened.
import type { ContextFlag, ContextInput, ReleaseType, ReportContext } from './types';

const INCIDENT =
  /\b(fire|blaze|wildfire|explosion|blast|collision|crash(ed)?|derail\w*|leak\w*|spill\w*|outbreak|illness|shooting|shot|stabb\w*|flood\w*|storm|nor'?easter|hurricane|tornado|earthquake|quake|collapse\w*|evacuat\w*|outages?|without power|power cut|contaminat\w*|missing|injur\w*|killed|died|dead|death|recall\w*|withdrawal|breach|attack\w*|hazard\w*|robbery|robbed|burglar\w*|carjack\w*|knife|gunfire|gunman|weapons?|main break|boil[- ]water|bacteria|assault\w*|sickened|unwell|incident|overturned)\b|火灾|起火|着火|爆炸|泄漏|事故|坍塌|垮塌|死亡|遇难|身亡|受伤|失踪|疫情|中毒|撤离|险情|溺亡|踩踏/gi;
// Names of agencies, posts and services: a fire chief's appointment is not a fire.
const NOT_INCIDENT =
  /\b(fire|emergency|rescue|police|hazard(ous)?)\s+(chief|department|district|service|services|station|marshal|crews?|fighters?|investigators?|authority|management|medical|operations|plan|materials|officers?|commissioner|team|engines?|and rescue)\b|\bfirefight\w*|\bfire investigator\b|\brescue services\b/gi;
const CORRECTION_HEAD = /\bcorrect(ion|ed|s)\b|更正/i;
// On a short header line: "UPDATE 3", "Update on …"; "UPDATE 1" is the first release.
const UPDATE_HEAD =
  /(^|\n)[^\n]{0,60}\b(update(?!\s*#?\s*1\b)|updated|latest)\b[^\n]{0,60}(\n|$)|续报|最新进展|进展通报/i;
const UPDATE_BODY =
  /\b(up|down) from \d|\bas (we )?(previously |earlier )?reported\b|\b(our|the) (earlier|previous|last) (release|statement|update)\b/i;
const HOLDING_HEAD = /\bholding statement\b/i;
const STATEMENT_HEAD = /\bstatement\b|\b(said|says) in a statement\b|声明/i;
const COURT_PROCESS =
  /\b(charged with|been charged|arrests? made|arrested in connection|due to appear|in court)\b/i;
const CHARGED = /\b(?<!not (yet )?been )charged with\b|\bhas been charged\b|\bwas charged\b/i;
// What makes a reaction statement a live matter even without incident words.
const STATEMENT_INCIDENT =
  /\b(hospital|police were called|removed from|hurt|complain\w*|apologi[sz]\w*|regrets?)\b/i;
// An incident reported with its time of day: a first account, not a later reaction.
const FRESH_TIME =
  /\b\d{1,2}([:.]\d\d)?\s*[ap]\.?m\b|\b(this|early this) (morning|afternoon|evening)\b|\b(earlier )?today\b|\btonight\b|\blast night\b/i;

const CASUALTIES =
  /\b(died|dead|deaths?|killed|fatal\w*|critical condition|serious(ly)? (injur\w*|hurt|wounded|ill)|serious but stable|life-threatening|intensive care|wounded|hospitali[sz]ed|stabb\w*|gunshot|(was|were|been) shot|shot (and|dead))\b|死亡|遇难|身亡|重伤|危重|罹难/i;
// "a minor" as a noun, not "a minor injury".
const MINOR_AGE =
  /\b(1[0-7]|[1-9])-year-old\b|\bjuveniles?\b|\bminors\b|\b(a|the) minor\b(?=\s*[.,;:)])|未成年/i;
const MINOR_WORD =
  /\b(child(ren)?|kids?|teen(ager)?s?|boys?|girls?|pupils?|students?|classroom|infants?|toddlers?|bab(y|ies))\b|儿童|学生|孩子|幼儿/i;
const HARM =
  /\b(sick\w*|ill|illness|injur\w*|hurt|hospital\w*|stabb\w*|shot|wounded|killed|died|dead|missing|abus\w*|assault\w*|victims?|incident|video|attack\w*|drown\w*|poison\w*|harm\w*)\b|受伤|死亡|中毒|失踪|伤害|视频/i;
const INVESTIGATION =
  /\b(arrest\w*|charged with|been charged|was charged|suspects?|in custody|detectives?|prosecutors?|district attorney|in court|(superior|circuit|district|magistrates'?|crown|federal|municipal|juvenile) court|criminal|homicide|indict\w*|warrant|independent investigat\w*|use of force)\b|立案|刑事|涉嫌|拘留|逮捕|检察院/i;
const POLICE_ISSUER = /\b(police|sheriff|constabulary|state patrol|troopers?)\b/i;
const GOV_ISSUER =
  /\b(city|county|town|village|borough|state|municipal|ministry|government|public health|public works|council|department of|mayor|governor)\b|政府|县委|市委|管理局|委员会|应急管理|卫健委|街道办|人民/i;
const NOT_GOV_ISSUER =
  /\b(police|sheriff|fire|constabulary|school|university|library|authority)\b/i;
const HIGH_ATTENTION =
  /\b(social media|viral|circulating|trending|rumou?rs?|misinformation|outcry|outrage|anger|serious questions|deserve answers|widely shared|media outlets)\b|网传|谣言|热议|舆情|网民|网友/i;
const OWN_THING =
  /\b(our|its|one of our|one of its)\s+(\w+\s+){0,2}(plant|facility|facilities|site|stores?|premises|factory|warehouse|staff|employees?|colleagues?|workers?|officers?|deput(y|ies)|products?|schools?|classrooms?|members|patients|students|systems?|network|pipeline|tank|aircraft|flight|vehicles?|bus|train|ship)\b/i;
const OWN_HARM =
  /\b(injur\w*|hurt|died|killed|leak\w*|fire|spill\w*|incident|error|mistake|wrong|breach|exposed|recall\w*|withdraw\w*|contaminat\w*|failed|failure|unwell|ill|sick\w*|accident|collapse\w*|video|complaint)\b/i;
const OWN_FORCE =
  /\b(officer|deputy|trooper|guard|employee|staff member)\s+(shot|used|fired|struck|restrained|tased|hit)\b|\bin (police |our )?custody\b|\bpolice contact\b|\buse of force\b|\bwe let (them|you|our \w+) down\b/i;
const VULNERABLE =
  /\b(mental (illness|health)|disabilit\w*|trafficking|sexual (assault|violence)|migrants?|asylum|detainees?|inmates?)\b/i;

export function resolveContext(input: ContextInput | undefined, text: string): ReportContext {
  if (input?.type) return { type: input.type, flags: [...(input.flags ?? [])], inferred: false };

  const inferred = inferContext(text);
  if (input?.flags) return { ...inferred, flags: [...input.flags], inferred: true };
  return inferred;
}

export function inferContext(text: string): ReportContext {
  const cues = readCues(text);
  const type = typeOf(cues);
  const reasons = [describeType(type, cues.incident[0])];
  const flags = new Set<ContextFlag>();
  const add = (flag: ContextFlag, cue: string | false | undefined) => {
    if (!cue) return;
    flags.add(flag);
    reasons.push(`${flag}: "${cue}"`);
  };

  const crisisType = type === 'crisis-initial' || type === 'crisis-update';
  add(
    'crisis',
    crisisType ? 'an incident release' : type !== 'routine' && activeIncident(type, text, cues),
  );
  add('first-statement', type === 'crisis-initial' && 'first statement on an incident');
  add(
    'prior-releases',
    (type === 'crisis-update' || type === 'correction') && 'an update or correction',
  );
  if (type !== 'routine') addIncidentFlags(add, text, cues);
  add('gov-issuer', governmentIssuer(cues.issuer));
  add('vulnerable', VULNERABLE.exec(text)?.[0]);

  return { type, flags: [...flags], inferred: true, reasons };
}

interface Cues {
  head: string;
  /** The first three non-empty lines (and a Chinese notice's signature): who issues it. */
  issuer: string;
  /** Incident words, with agency names and job titles set aside. */
  incident: string[];
}

function readCues(text: string): Cues {
  const head = text.slice(0, 600);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // Chinese notices (通报) sign off with the issuing body and date at the foot.
  const foot = /\p{Script=Han}/u.test(text) ? lines.slice(-2) : [];
  const issuer = [...lines.slice(0, 3), ...foot].join('\n');
  const incident = text.replace(NOT_INCIDENT, ' ').match(INCIDENT) ?? [];
  return { head, issuer, incident };
}

function typeOf(cues: Cues): ReleaseType {
  const { head, incident } = cues;
  if (CORRECTION_HEAD.test(head)) return 'correction';
  if (incident.length === 0) return STATEMENT_HEAD.test(head) ? 'statement' : 'routine';
  if (UPDATE_HEAD.test(head) || UPDATE_BODY.test(head)) return 'crisis-update';
  if (HOLDING_HEAD.test(head)) return 'crisis-initial';
  if (COURT_PROCESS.test(head)) return 'statement';
  if (STATEMENT_HEAD.test(head)) return firstAccount(cues) ? 'crisis-initial' : 'statement';
  return incident.length >= 2 ? 'crisis-initial' : 'routine';
}

/** A public body other than police, fire and schools, which the labelled cases keep apart. */
function governmentIssuer(issuer: string): string | undefined {
  return issuer.split('\n').find((line) => GOV_ISSUER.test(line) && !NOT_GOV_ISSUER.test(line));
}

/**
 * A "statement" that is really the first account of an incident: a public body speaking about
 * a hazard, or anyone reporting what happened with its time of day ("at about 1:10 p.m.").
 */
function firstAccount({ head, issuer }: Cues): boolean {
  if (governmentIssuer(issuer) && hasIncident(head)) return true;
  const sentences = head.split(/(?<=[.!?])\s+(?=[A-Z"“])|\n/);
  return sentences.some((s) => FRESH_TIME.test(s) && hasIncident(s) && !/\brelease\b/i.test(s));
}

function hasIncident(text: string): boolean {
  return (text.replace(NOT_INCIDENT, ' ').match(INCIDENT) ?? []).length > 0;
}

/** A statement or correction about an incident that is still live (not a court process). */
function activeIncident(type: ReleaseType, text: string, cues: Cues): string | false {
  if (type === 'statement' && CHARGED.test(text)) return false;
  const cue =
    cues.incident[0] ?? (type === 'statement' ? STATEMENT_INCIDENT.exec(text)?.[0] : undefined);
  return cue ? `mentions "${cue}"` : false;
}

function addIncidentFlags(
  add: (flag: ContextFlag, cue: string | false | undefined) => void,
  text: string,
  cues: Cues,
): void {
  add('casualties', CASUALTIES.exec(text)?.[0]);
  add('minors', MINOR_AGE.exec(text)?.[0] ?? minorHarmed(text));
  add('investigation', investigationCue(text, cues));
  add('high-attention', HIGH_ATTENTION.exec(text)?.[0]);
  add('org-responsible', ownResponsibility(text));
}

/** Children named in passing ("families with young children") do not make a case involve minors. */
function minorHarmed(text: string): string | undefined {
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
    const minor = MINOR_WORD.exec(sentence)?.[0];
    if (minor && HARM.test(sentence)) return minor;
  }
  return undefined;
}

/** Criminal or judicial process; a fire marshal looking for a cause is not one. */
function investigationCue(text: string, cues: Cues): string | undefined {
  const cue = INVESTIGATION.exec(text)?.[0];
  if (cue) return cue;
  return POLICE_ISSUER.test(cues.issuer) ? /\binvestigat\w*/i.exec(text)?.[0] : undefined;
}

function ownResponsibility(text: string): string | undefined {
  const force = OWN_FORCE.exec(text)?.[0];
  if (force) return force;
  for (const sentence of text.split(/(?<=[.!?])\s+|\n/)) {
    const own = OWN_THING.exec(sentence)?.[0];
    if (own && OWN_HARM.test(sentence)) return own;
  }
  return undefined;
}

function describeType(type: ReleaseType, incident: string | undefined): string {
  if (type === 'routine') return 'no incident words found: treated as a routine release';
  if (type === 'statement') return 'calls itself a statement, or reports a charge or arrest';
  if (type === 'correction') return 'says it corrects an earlier release';
  const update = type === 'crisis-update' ? ' and calls itself an update' : '';
  return `mentions an incident ("${incident}")${update}`;
}
