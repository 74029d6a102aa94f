// The few parts of mocha's programmatic API the extension-test runner uses. Declared here instead
// of installing @types/mocha, whose global `suite`/`test`/`describe` would leak into every unit
// test of the project (those use node:test).
declare module 'mocha' {
  interface Runnable {
    fullTitle(): string;
    duration?: number;
  }
  interface Runner {
    on(event: 'pass' | 'pending', listener: (test: Runnable) => void): this;
    on(event: 'fail', listener: (test: Runnable, error: unknown) => void): this;
  }
  interface RootSuite {
    emit(event: 'pre-require', context: object, file: string, mocha: Mocha): boolean;
  }
  class Mocha {
    constructor(options: { ui: 'tdd'; timeout: number; color: boolean; reporter: string });
    suite: RootSuite;
    run(done: (failures: number) => void): Runner;
  }
  export default Mocha;
}
