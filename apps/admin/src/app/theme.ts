import { createTheme, localStorageColorSchemeManager } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'indigo',
  defaultRadius: 'md',
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // Liberation Mono before the generic family: Chromium on Linux clips DejaVu Sans Mono's
  // underscore inside 14px inputs, and a token "rcs_…" then reads as "rcs …".
  fontFamilyMonospace:
    'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", "Cascadia Mono", monospace',
  headings: { fontWeight: '700' },
  focusRing: 'auto',
  cursorType: 'pointer',
});

// public/color-scheme.js reads the same key before the first paint.
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'rollcall-color-scheme' });
