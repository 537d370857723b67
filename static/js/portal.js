// A few lines of glue for htmx swaps: move focus to what changed and announce it, so that
// keyboard and screen-reader users know the page was updated. Pages work without this file.
document.addEventListener("htmx:afterSettle", function (event) {
  var target = event.detail.target;
  if (!target) { return; }
  // An outerHTML swap replaced the target: its successor carries the same id.
  if (!target.isConnected && target.id) { target = document.getElementById(target.id); }
  if (!target) { return; }
  var focusTarget = target.matches("[data-focus-after-swap]") ? target : target.querySelector("[data-focus-after-swap]");
  // Focus still on a control outside the new content (a filter that updates the results as it
  // changes) stays there: moving it would cut a date being typed or a list being browsed with
  // the arrow keys (WCAG 3.2.2). The change is announced below instead.
  var active = document.activeElement;
  var kept = active && active !== document.body && !target.contains(active);
  if (focusTarget && !kept) {
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

// A table wider than the screen scrolls inside its box (a 320 px phone, a zoomed page): the box
// then takes keyboard focus, so that it can be scrolled with the arrow keys. Where the table
// fits, the box is left out of the tab order. (No role or name of its own: the section around
// the table is already a region named like the table's caption, and two would be one too many.)
function markScrollingTables(root) {
  root.querySelectorAll(".table-wrapper").forEach(function (wrapper) {
    if (wrapper.scrollWidth > wrapper.clientWidth + 1) {
      wrapper.tabIndex = 0;
    } else {
      wrapper.removeAttribute("tabindex");
    }
  });
}
markScrollingTables(document);
document.addEventListener("htmx:afterSettle", function () { markScrollingTables(document); });
var resizing;
window.addEventListener("resize", function () {
  clearTimeout(resizing);
  resizing = setTimeout(function () { markScrollingTables(document); }, 200);
});
