/* The print button of an office's page: shown only where a script can
 * print, since the page's text already says how to print without it. */
document.querySelectorAll('[data-print]').forEach((button) => {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
});
