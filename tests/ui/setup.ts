import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup, configure } from '@testing-library/react';
import '../../src/core/files/zod-setup';

// Screens load lazily; on a busy two-core machine the first import of a screen can take
// seconds. Waiting for what the user sees may take that long; it never passes sooner than
// the screen is there, so a longer limit cannot hide a failure.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
