// A submission's files as the portal's and the console's submission pages show them: the entry file
// (the one judged from), then each other file of a multi-file submission by name.
import { LazySourceView as SourceView } from './LazySourceView.tsx';
import { sourceMode } from './sourceModes.ts';

export function SubmittedSources(props: {
  submissionId: string;
  languageId: string;
  entry: { fileName: string; source: string };
  otherFiles: readonly { fileName: string; source: string }[];
}) {
  const { submissionId, languageId, entry, otherFiles } = props;
  return (
    <>
      <section className="detail-section" aria-labelledby="source-title">
        <h2 id="source-title">
          Source <span className="muted mono small">{entry.fileName}</span>
        </h2>
        <div className="source-frame">
          <SourceView source={entry.source} mode={sourceMode(languageId, entry.fileName)} label={`Source of submission ${submissionId}`} />
        </div>
      </section>
      {otherFiles.map((file) => (
        <section className="detail-section" key={file.fileName}>
          <h2>
            Also submitted <span className="muted mono small">{file.fileName}</span>
          </h2>
          <div className="source-frame">
            <SourceView source={file.source} mode={sourceMode(languageId, file.fileName)} label={`${file.fileName} of submission ${submissionId}`} />
          </div>
        </section>
      ))}
    </>
  );
}
