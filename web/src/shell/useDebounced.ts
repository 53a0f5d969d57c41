import { useEffect, useState } from 'react';

/** `value` once it has stopped changing for `ms` milliseconds (a live preview asks the server after typing pauses, not per key). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
