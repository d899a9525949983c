// localStorage can be missing or throwing (privacy modes, sandboxed frames): the widget then runs without memory.

export function load<T>(name: string): T | undefined {
  try {
    return JSON.parse(localStorage['rapport:' + name]) as T;
  } catch {
    return undefined;
  }
}

export function save<T>(name: string, value: T): T {
  try {
    localStorage['rapport:' + name] = JSON.stringify(value);
  } catch {
    // Not persisted; the in-memory value still works for this page.
  }
  return value;
}

/** 96 random bits in base 36: visitor, response and event ids. */
export const randomId = (): string => Array.from(crypto.getRandomValues(new Uint32Array(3)), (n) => n.toString(36).padStart(7, '0')).join('');
