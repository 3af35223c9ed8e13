// Lectern's options: one section per concern, in the order a new user needs them. Each
// section is its own component and talks to the background itself; this stays a plain list.
import { ArchiveSection } from './ArchiveSection';
import { DataSection } from './DataSection';
import { HistoryLimit } from './HistoryLimit';
import { LevelsEditor } from './LevelsEditor';
import { ReviewerSection } from './ReviewerSection';
import { TrustedKeysEditor } from './TrustedKeysEditor';
import { VocabularyEditor } from './VocabularyEditor';

export function App() {
  return (
    <main class="options">
      <header class="top">
        <h1>Lectern options</h1>
        <p class="privacy">
          Everything here stays in this browser profile. Nothing is sent anywhere.
        </p>
      </header>
      <ReviewerSection />
      <VocabularyEditor />
      <ArchiveSection />
      <LevelsEditor />
      <TrustedKeysEditor />
      <HistoryLimit />
      <DataSection />
    </main>
  );
}
