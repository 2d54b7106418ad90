/**
 * Every property test ends within 40 s, below the 60 s test timeout. A failing property is shrunk
 * until then and reported with the smallest counterexample found so far and its seed (replay it
 * with `{ seed, path }` to shrink further). Without this, shrinking a large generated input runs
 * synchronously and cannot be stopped by the test timeout: one run kept a worker busy for two
 * hours. A property that is still passing at the limit counts as passed with the runs it made
 * (only on a very slow machine).
 */
import fc from 'fast-check';

fc.configureGlobal({ interruptAfterTimeLimit: 40_000 });
