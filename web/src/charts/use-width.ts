import { type RefObject } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** The element's content width in CSS pixels, so charts draw text at its real size on any screen. */
export function useWidth<E extends HTMLElement>(fallback = 560): [RefObject<E>, number] {
  const ref = useRef<E>(null);
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => entry && setWidth(Math.max(240, Math.floor(entry.contentRect.width))));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
