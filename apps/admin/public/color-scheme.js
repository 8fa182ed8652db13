// Sets the saved (or the system's) color scheme before the app renders, so a dark-mode user
// never sees a white flash. Same key and attribute as Mantine's localStorageColorSchemeManager.
(function () {
  try {
    var saved = window.localStorage.getItem('rollcall-color-scheme');
    var scheme =
      saved === 'light' || saved === 'dark'
        ? saved
        : window.matchMedia('(prefers-color-scheme: dark)').matches
          ? 'dark'
          : 'light';
    document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
  } catch (e) {
    document.documentElement.setAttribute('data-mantine-color-scheme', 'light');
  }
})();
