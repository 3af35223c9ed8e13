// CodeMirror 6 with basicSetup: line-number and fold gutters, active-line highlight, a
// placeholder widget and its own drawn selection, all of which are not the draft.
import { basicSetup } from 'codemirror';
import { EditorView, placeholder } from '@codemirror/view';

import { expose } from './expose';

const parent = document.getElementById('body')!;
const view = new EditorView({
  doc: parent.dataset.initial ?? '',
  extensions: [basicSetup, EditorView.lineWrapping, placeholder('Write the release here…')],
  parent,
});
expose({
  markup: () => view.contentDOM.innerHTML,
  submitted: () => view.state.doc.toString(),
});
