// The screens listening to one kind of realtime event: each registers while it shows and gets every event, one
// failing listener never keeping the others from theirs.
export interface ListenerSet<E> {
  /** Adds a listener; call what it returns to remove it (a screen does so when it goes). */
  on(listener: (event: E) => void): () => void;
  emit(event: E): void;
}

export function listenerSet<E>(what: string): ListenerSet<E> {
  const listeners: ((event: E) => void)[] = [];
  return {
    on(listener) {
      listeners.push(listener);
      return () => {
        const index = listeners.indexOf(listener);
        if (index >= 0) listeners.splice(index, 1);
      };
    },
    emit(event) {
      listeners.slice().forEach((listener) => {
        try {
          listener(event);
        } catch (error) {
          console.error(what + ' listener failed', error);
        }
      });
    },
  };
}
