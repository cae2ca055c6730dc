// Runs before each test file of the node project: what the support helpers leave behind is removed
// when the file's tests end.
import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dirs';

afterAll(removeTempDirs);
