// Release type and context flags inferred from the text when the user gives none, so a first
// review is useful before anyone opens the settings. The report says it inferred them, and
// why, and the user can override both.
import type { ContextFlag, ContextInput, ReleaseType, ReportContext } from './types';

const INCIDENT =
  /\b(fire|blaze|explosion|blast|collision|crash|derail\w*|leak|spill|outbreak|illness|shooting|shot|stabb\w*|flood\w*|storm|earthquake|quake|collapse\w*|evacuat\w*|outage|contaminat\w*|missing|injur\w*|killed|died|dead|death|recall\w*|breach|attack|emergency|hazard\w*|search)\b/i;
const CASUALTIES =
  /\b(died|dead|deaths?|killed|fatal\w*|injur\w*|hospitali[sz]ed|taken to (the )?hospital|wounded|critical condition|sickened)\b/i;
const MINORS = /\b(child(ren)?|students?|pupils?|minors?|juveniles?|teen(ager)?s?|boy|girl|(1[0-7]|[1-9])-year-old|school)\b/i;
const INVESTIGATION =
  /\b(investigat\w*|arrest\w*|charged|suspects?|custody|detectives?|prosecutor|court|inquest|medical examiner)\b/i;
const GOV =
  /\b(county|city of|city council|municipal|department|police|sheriff|fire (district|department|service)|ministry|state|government|authority|council|agency|office of)\b/i;
const UPDATE_HEAD = /\b(update\s*\d*|updated|latest)\b/i;
const CORRECTION_HEAD = /\bcorrect(ion|ed|s)\b/i;
const STATEMENT_HEAD = /\bstatement\b|\b(said|says) in a statement\b/i;
const VULNERABLE =
  /\b(mental (illness|health)|disabilit\w*|trafficking|sexual (assault|violence)|migrants?|asylum|detainees?|inmates?)\b/i;

export function resolveContext(input: ContextInput | undefined, text: string): ReportContext {
  if (input?.type) return { type: input.type, flags: [...(input.flags ?? [])], inferred: false };

  const inferred = inferContext(text);
  if (input?.flags) return { ...inferred, flags: [...input.flags], inferred: true };
  return inferred;
}

export function inferContext(text: string): ReportContext {
  const head = text.slice(0, 600);
  const reasons: string[] = [];
  const flags = new Set<ContextFlag>();
  const incident = INCIDENT.exec(text)?.[0];

  let type: ReleaseType = 'routine';
  if (CORRECTION_HEAD.test(head)) type = 'correction';
  else if (incident && UPDATE_HEAD.test(head)) type = 'crisis-update';
  else if (incident && countMatches(INCIDENT, text) >= 2) type = 'crisis-initial';
  else if (STATEMENT_HEAD.test(head)) type = 'statement';
  reasons.push(describeType(type, incident));

  if (type === 'crisis-initial' || type === 'crisis-update') flags.add('crisis');
  if (type === 'crisis-initial') flags.add('first-statement');
  if (type === 'crisis-update' || type === 'correction') flags.add('prior-releases');
  addIf(flags, reasons, 'casualties', type !== 'routine' && CASUALTIES.exec(text)?.[0]);
  addIf(flags, reasons, 'minors', type !== 'routine' && MINORS.exec(text)?.[0]);
  addIf(flags, reasons, 'investigation', type !== 'routine' && INVESTIGATION.exec(text)?.[0]);
  addIf(flags, reasons, 'vulnerable', VULNERABLE.exec(text)?.[0]);
  addIf(flags, reasons, 'gov-issuer', GOV.exec(head)?.[0]);

  return { type, flags: [...flags], inferred: true, reasons };
}

function describeType(type: ReleaseType, incident: string | undefined): string {
  if (type === 'routine') return 'no incident words found: treated as a routine release';
  if (type === 'statement') return 'calls itself a statement';
  if (type === 'correction') return 'says it corrects an earlier release';
  return `mentions an incident ("${incident}")${type === 'crisis-update' ? ' and calls itself an update' : ''}`;
}

function addIf(flags: Set<ContextFlag>, reasons: string[], flag: ContextFlag, cue: string | false | undefined) {
  if (!cue) return;
  flags.add(flag);
  reasons.push(`${flag}: "${cue}"`);
}

function countMatches(re: RegExp, text: string): number {
  return (text.match(new RegExp(re.source, 'gi')) ?? []).length;
}
