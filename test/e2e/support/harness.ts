/**
 * `suite`, `test`, `suiteSetup`, `suiteTeardown` for the extension-host tests. Mocha's TDD
 * interface writes its functions onto the context object the runner hands it at `pre-require`;
 * these delegate to that object, so test files import them instead of relying on globals.
 */
export type TestBody = () => void | Promise<unknown>;

interface TddContext {
  suite(title: string, body: () => void): unknown;
  test(title: string, body: TestBody): unknown;
  suiteSetup(body: TestBody): unknown;
  suiteTeardown(body: TestBody): unknown;
}

/** Filled in by mocha at `pre-require`, before any test file is loaded. */
export const tddContext = {} as TddContext;

export const suite = (title: string, body: () => void): void => void tddContext.suite(title, body);
export const test = (title: string, body: TestBody): void => void tddContext.test(title, body);
export const suiteSetup = (body: TestBody): void => void tddContext.suiteSetup(body);
export const suiteTeardown = (body: TestBody): void => void tddContext.suiteTeardown(body);
