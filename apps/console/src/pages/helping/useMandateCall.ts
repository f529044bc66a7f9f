// One call through a mandate (/api/v1/mandates/:id/…): a signed-out session and a withdrawal are the page's business,
// any other failure is the calling part's message.
import { useCallback, useRef, useState } from 'react';
import { useSession } from '../../session';
import { isMandateWithdrawn } from './helping';

export function useMandateCall(onWithdrawn: () => void) {
  const session = useSession();
  // Both change identity on every render; the calls read their latest through refs so loading effects run once.
  const latest = useRef({ handle: session.handle, onWithdrawn });
  latest.current = { handle: session.handle, onWithdrawn };
  const [failure, setFailure] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const run = useCallback(async <T>(call: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    setFailure(undefined);
    try {
      return await call();
    } catch (error) {
      if (latest.current.handle(error)) return undefined;
      if (isMandateWithdrawn(error)) latest.current.onWithdrawn();
      else setFailure(error);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { run, failure, busy };
}
