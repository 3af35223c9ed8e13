import { render } from 'preact';

import { configureZod } from '@/lib/messaging';

import { App } from './App';
import './style.css';

configureZod();
render(<App />, document.getElementById('app')!);
