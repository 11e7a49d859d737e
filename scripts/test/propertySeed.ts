// Loaded before every vitest file: fast-check's properties draw from the same seed as the project's seeded tests
// (testSeed: fixed in `npm test`, a new draw under `npm run test:seeds`). fast-check prints the seed of a failure.
import fc from 'fast-check';
import { testSeed } from '../../src/main/core/testing/seededRandom';

fc.configureGlobal({ seed: testSeed() });
