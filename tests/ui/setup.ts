import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';
import '../../src/core/files/zod-setup';

afterEach(() => {
  cleanup();
  window.location.hash = '';
  localStorage.clear();
});
