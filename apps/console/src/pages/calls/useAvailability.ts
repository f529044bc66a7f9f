// Whether this agent takes calls, and how many colleagues do: read once, changed by the agent, re-read on reconnect.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AgentAvailability } from '@palier/contracts';
import { api } from '../../api/client';
import { useSession } from '../../session';

export function useAvailability() {
  const session = useSession();
  const handleSessionError = useRef(session.handle);
  handleSessionError.current = session.handle;
  const [availability, setAvailability] = useState<AgentAvailability | null>(null);
  const [error, setError] = useState<unknown>();
  const [saving, setSaving] = useState(false);

  const reload = useCallback(async () => {
    try {
      setAvailability(await api.agentAvailability());
      setError(undefined);
    } catch (caught) {
      if (!handleSessionError.current(caught)) setError(caught);
    }
  }, []);

  const set = useCallback(async (available: boolean) => {
    setSaving(true);
    setError(undefined);
    try {
      setAvailability(await api.setAgentAvailability(available));
    } catch (caught) {
      if (!handleSessionError.current(caught)) setError(caught);
    } finally {
      setSaving(false);
    }
  }, []);

  // Colleagues come and go without an event: their count is re-read now and then.
  useEffect(() => {
    void reload();
    const timer = setInterval(() => void reload(), 30_000);
    return () => clearInterval(timer);
  }, [reload]);

  return { availability, error, saving, set, reload };
}
