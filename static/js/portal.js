// A few lines of glue for htmx swaps: move focus to what changed and announce it, so that
// keyboard and screen-reader users know the page was updated. Pages work without this file.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target;
  if (!target) { return; }
  // An outerHTML swap replaced the target: its successor carries the same id.
  if (!target.isConnected && target.id) { target = document.getElementById(target.id); }
  if (!target) { return; }
  var focusTarget = target.matches("[data-focus-after-swap]") ? target : target.querySelector("[data-focus-after-swap]");
  if (focusTarget) {
    focusTarget.focus();
  }
  var message = target.querySelector("[data-announce]");
  var announcer = document.getElementById("announcer");
  if (message && announcer) {
    announcer.textContent = message.textContent.trim();
  }
});

// A form sent without htmx comes back as a whole page when something must be corrected: take
// focus to the summary of what to correct, as after a swap. (This script is deferred, so the
// page is already parsed here.)
var summary = document.querySelector("[data-focus-on-load]");
if (summary) {
  summary.focus();
}
