import './global-shim.ts';
// @ts-expect-error: jasmine-core ships no types for its deep browser entry point.
import jasmineRequire from 'jasmine-core/lib/jasmine-core/jasmine.js';

const jasmineCore = jasmineRequire.core(jasmineRequire);
const env = jasmineCore.getEnv();
Object.assign(globalThis, jasmineRequire.interface(jasmineCore, env));

export { env as jasmineEnv };
