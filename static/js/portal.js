// A few lines of glue for htmx swaps: move focus to what changed and announce it, so that
// keyboard and screen-reader users know the page was updated. Pages work without this file.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target;
  if (!target) { return; }
  var focusTarget = target.querySelector("[data-focus-after-swap]");
  if (focusTarget) {
    focusTarget.focus();
  }
  var message = target.querySelector("[data-announce]");
  var announcer = document.getElementById("announcer");
  if (message && announcer) {
    announcer.textContent = message.textContent.trim();
  }
});
