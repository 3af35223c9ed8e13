// A 10,000-word ProseMirror document for the responsiveness test and the latency benchmark.
import { expose } from './expose';
import { mountProseMirror } from './pm';

const PARAGRAPH =
  'The county transport office met with residents on Tuesday to discuss the bus timetable. ' +
  'Officials described the new routes, the changed stops and the schedule for school days. ' +
  'Drivers will receive training on the new routes before the changes start next month. ' +
  'Passengers can find the full timetable at the transit office and on the county website. ';

export const EARLY = 'The new buses are completely safe.';

/** Paragraphs of about 60 words; `words` in all (?words= in the URL overrides the page's). */
export function longDocument(words: number): string {
  const perParagraph = PARAGRAPH.trim().split(/\s+/).length;
  const count = Math.ceil(words / perParagraph);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(`<p>${i + 1}. ${PARAGRAPH.trim()}</p>`);
  // One finding near the top, so choosing it in the panel has to scroll up to it.
  parts.splice(1, 0, `<p>${EARLY}</p>`);
  return parts.join('');
}

const place = document.getElementById('body')!;
const words = new URLSearchParams(location.search).get('words') ?? place.dataset.words ?? '10000';
const view = mountProseMirror(place, longDocument(Number(words)));
expose({
  markup: () => view.dom.innerHTML,
  submitted: () => JSON.stringify(view.state.doc.toJSON()),
});
