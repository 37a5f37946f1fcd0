// Workaround for pydata-sphinx-theme issue 2451 (sphinx-book-theme issue 988), present in
// pydata-sphinx-theme 0.17.0 and 0.17.1: the theme hooks its "open the sidebar" handler to the FIRST
// .primary-toggle / .secondary-toggle in the page, a header button that sphinx-book-theme hides, so the
// visible buttons in the article header do nothing below 992 px. Each other toggle forwards its click to
// the hooked one. Remove this file (and its add_js_file in book/_ext/screen_fixes.py) once requirements.txt
// pins a pydata-sphinx-theme release that fixes issue 2451: tests/test_browser.py's navigation test must
// still pass without it.
document.addEventListener("DOMContentLoaded", () => {
  for (const kind of ["primary", "secondary"]) {
    const [hooked, ...others] = document.querySelectorAll(`.${kind}-toggle`);
    for (const button of others) {
      button.addEventListener("click", (event) => {
        event.preventDefault();
        event.stopPropagation();
        hooked.click();
      });
    }
  }
});
