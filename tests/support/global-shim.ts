// jasmine-core is written for browsers and Node. GJS 1.74 has neither `global`, the DOM's
// addEventListener, nor queueMicrotask; these three shims are all jasmine-core 5 needs.
const g = globalThis as unknown as Record<string, unknown>;
g.global = globalThis;
if (typeof g.addEventListener !== 'function') {
  g.addEventListener = () => undefined;
  g.removeEventListener = () => undefined;
}
if (typeof g.queueMicrotask !== 'function') {
  g.queueMicrotask = (fn: () => void) => {
    void Promise.resolve().then(fn);
  };
}
export {};
