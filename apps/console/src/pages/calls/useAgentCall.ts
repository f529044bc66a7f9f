// The agent's one call at a time: claim it (or call a tenant back), join its room, follow its state, save the note, hang
// up. The call's id is kept for this tab, so a reload rejoins a call still in progress.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { StaffCall } from '@palier/contracts';
import { api } from '../../api/client';
import { problemOf } from '../../api/problem';
import { useSession } from '../../session';
import { newIdempotencyKey } from '../notices/noticeDraft';
import { isFinished } from './callOutcome';
import type { CallRoom } from './callRoom';
import { IDLE_CALL_ROOM } from './callRoomState';

const ACTIVE_CALL_KEY = 'palier.console.activeCall';

export type ClaimOutcome = { kind: 'answered' } | { kind: 'taken' } | { kind: 'failed'; error: unknown };

function remember(callId: string | null) {
  try {
    if (callId) window.sessionStorage.setItem(ACTIVE_CALL_KEY, callId);
    else window.sessionStorage.removeItem(ACTIVE_CALL_KEY);
  } catch {
    // Private browsing: a reload will not rejoin, the call stays in the API.
  }
}

function remembered(): string | null {
  try {
    return window.sessionStorage.getItem(ACTIVE_CALL_KEY);
  } catch {
    return null;
  }
}

export function useAgentCall(onFinished: (call: StaffCall) => void) {
  const session = useSession();
  const handleSessionError = useRef(session.handle);
  handleSessionError.current = session.handle;
  const finished = useRef(onFinished);
  finished.current = onFinished;

  const [call, setCall] = useState<StaffCall | null>(null);
  const [room, setRoom] = useState<CallRoom | null>(null);
  const [tokenError, setTokenError] = useState<unknown>();
  const [hangUpError, setHangUpError] = useState<unknown>();
  const [hangingUp, setHangingUp] = useState(false);
  const [claiming, setClaiming] = useState<string | null>(null);
  const roomRef = useRef<CallRoom | null>(null);
  const audioContainer = useRef<HTMLDivElement | null>(null);

  const snapshot = useSyncExternalStore(
    room ? room.subscribe : noopSubscribe,
    room ? room.getSnapshot : () => IDLE_CALL_ROOM,
    () => IDLE_CALL_ROOM,
  );

  const leaveRoom = useCallback(async () => {
    const current = roomRef.current;
    roomRef.current = null;
    if (current) await current.leave().catch(() => undefined);
  }, []);

  /** Fetches a fresh token and joins (or rejoins) the call's room. */
  const join = useCallback(
    async (callId: string) => {
      await leaveRoom();
      setTokenError(undefined);
      let next: CallRoom;
      try {
        // livekit-client is large: it is fetched with the first call, not with the console.
        const { CallRoom } = await import('./callRoom');
        next = new CallRoom(audioContainer.current ?? document.body);
      } catch (caught) {
        setTokenError(caught);
        return;
      }
      roomRef.current = next;
      setRoom(next);
      try {
        const token = await api.agentCallToken(callId);
        if (roomRef.current !== next) return;
        await next.join(token);
      } catch (caught) {
        if (handleSessionError.current(caught)) return;
        if (roomRef.current === next) setTokenError(caught);
      }
    },
    [leaveRoom],
  );

  const finish = useCallback(
    async (ended: StaffCall) => {
      setCall(ended);
      remember(null);
      await leaveRoom();
      finished.current(ended);
    },
    [leaveRoom],
  );

  const start = useCallback(
    (started: StaffCall) => {
      setCall(started);
      setHangUpError(undefined);
      remember(started.id);
      void join(started.id);
    },
    [join],
  );

  const answer = useCallback(
    async (callId: string): Promise<ClaimOutcome> => {
      setClaiming(callId);
      try {
        start(await api.claimCall(callId));
        return { kind: 'answered' };
      } catch (caught) {
        if (handleSessionError.current(caught)) return { kind: 'failed', error: caught };
        if (problemOf(caught)?.code === 'call_already_claimed') return { kind: 'taken' };
        return { kind: 'failed', error: caught };
      } finally {
        setClaiming(null);
      }
    },
    [start],
  );

  const callBack = useCallback(
    async (tenantId: string): Promise<unknown> => {
      try {
        start(await api.callBack(tenantId, newIdempotencyKey()));
        return undefined;
      } catch (caught) {
        if (handleSessionError.current(caught)) return undefined;
        return caught;
      }
    },
    [start],
  );

  const hangUp = useCallback(async () => {
    if (!call) return;
    setHangingUp(true);
    setHangUpError(undefined);
    try {
      await finish(await api.agentHangUp(call.id));
    } catch (caught) {
      if (!handleSessionError.current(caught)) setHangUpError(caught);
    } finally {
      setHangingUp(false);
    }
  }, [call, finish]);

  /** A `call.state` hint: re-read the call; an end decided elsewhere (the tenant hung up, the ring timed out) closes here. */
  const onCallState = useCallback(
    async (callId: string) => {
      if (!call || call.id !== callId) return;
      try {
        const fresh = await api.staffCall(callId);
        if (isFinished(fresh)) await finish(fresh);
        else setCall(fresh);
      } catch (caught) {
        handleSessionError.current(caught);
      }
    },
    [call, finish],
  );

  const saveNote = useCallback(
    async (note: string): Promise<StaffCall> => {
      if (!call) throw new Error('no call');
      const saved = await api.saveCallNote(call.id, note);
      setCall((current) =>
        current && current.id === saved.id ? { ...saved, state: isFinished(current) ? current.state : saved.state } : current,
      );
      return saved;
    },
    [call],
  );

  const dismiss = useCallback(() => {
    setCall(null);
    setRoom(null);
    setTokenError(undefined);
    setHangUpError(undefined);
  }, []);

  // A reload in the middle of a call: find it again and rejoin.
  useEffect(() => {
    const callId = remembered();
    if (!callId) return;
    let cancelled = false;
    api.staffCall(callId).then(
      (found) => {
        if (cancelled) return;
        if (isFinished(found) || found.agent?.id !== session.staff.id) remember(null);
        else start(found);
      },
      () => remember(null),
    );
    return () => {
      cancelled = true;
    };
  }, [session.staff.id, start]);

  useEffect(() => () => void leaveRoom(), [leaveRoom]);

  // Leaving the page by accident in a call would cut the tenant off: the browser asks first.
  const inCall = !!call && !isFinished(call);
  useEffect(() => {
    if (!inCall) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [inCall]);

  return {
    call,
    room,
    media: snapshot,
    tokenError,
    hangUpError,
    hangingUp,
    claiming,
    inCall,
    audioContainer,
    answer,
    callBack,
    hangUp,
    rejoin: () => (call ? join(call.id) : Promise.resolve()),
    onCallState,
    saveNote,
    dismiss,
  };
}

function noopSubscribe(): () => void {
  return () => undefined;
}
