// A modal question before an action that cannot be taken back lightly (ending the contest, releasing
// the final scoreboard): the browser's own <dialog> (focus kept inside, Esc cancels), saying what
// will happen, with Cancel focused first so Enter does not confirm by accident.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface Confirmation {
  title: string;
  /** What will happen, in the judges' words. */
  body: ReactNode;
  /** The confirming button's label: the action itself ("End the contest now"). */
  confirm: string;
  onConfirm: () => void;
}

function ConfirmDialog({ request, onClose }: { request: Confirmation | null; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (request && !element.open) element.showModal();
    if (!request && element.open) element.close();
  }, [request]);
  return (
    <dialog ref={dialog} className="confirm-dialog" aria-labelledby={titleId} onClose={onClose}>
      {request && (
        <>
          <h2 id={titleId}>{request.title}</h2>
          <div className="confirm-body">{request.body}</div>
          <div className="button-row">
            <button type="button" onClick={onClose} autoFocus>
              Cancel
            </button>
            <button
              type="button"
              className="danger"
              onClick={() => {
                onClose();
                request.onConfirm();
              }}
            >
              {request.confirm}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** A view's confirmation: `ask` opens the dialog, `dialog` is where it renders. */
export function useConfirmation(): { ask: (request: Confirmation) => void; dialog: ReactNode } {
  const [request, setRequest] = useState<Confirmation | null>(null);
  const close = useCallback(() => setRequest(null), []);
  return { ask: setRequest, dialog: <ConfirmDialog request={request} onClose={close} /> };
}
