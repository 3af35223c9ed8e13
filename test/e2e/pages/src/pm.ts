// ProseMirror (prosemirror-view/state/model/schema-basic) as a page would set it up, optionally
// inside a shadow root, with the base keymap (Enter splits paragraphs).
import { baseKeymap } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { DOMParser } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';

export function mountProseMirror(place: HTMLElement, html: string, root?: ShadowRoot): EditorView {
  const content = document.createElement('div');
  content.innerHTML = html;
  const state = EditorState.create({
    doc: DOMParser.fromSchema(schema).parse(content),
    plugins: [keymap(baseKeymap)],
  });
  return new EditorView(place, { state, ...(root ? { root } : {}) });
}
