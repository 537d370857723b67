// The questionnaire's pairing token, kept on this phone only: the end answer then carries the
// same random token as the start one, so the change can be computed without knowing who, and
// without a cookie. The page works without this file (the token then travels in the link of
// the thank-you page). A token is kept per date, dropped once the end answer is sent, and
// forgotten when its questionnaire closes.
(function () {
  "use strict";
  var PREFIX = "passerelle-avis-";
  var TOKEN = /^[0-9a-f]{32}$/;
  var store;
  try {
    store = window.localStorage;
    if (!store) { return; }
  } catch (error) { // storage refused by the browser: the link still pairs the answers
    return;
  }

  function read(key) {
    try {
      var kept = JSON.parse(store.getItem(key));
      return kept && TOKEN.test(kept.device) && typeof kept.until === "number" ? kept : null;
    } catch (error) {
      return null;
    }
  }

  var now = Date.now();
  for (var index = store.length - 1; index >= 0; index--) {
    var key = store.key(index);
    if (key && key.indexOf(PREFIX) === 0) {
      var kept = read(key);
      if (!kept || kept.until < now) { store.removeItem(key); }
    }
  }

  var form = document.querySelector("form[data-device-key]");
  if (!form) { return; }
  var field = form.querySelector("input[name='device']");
  var formKey = form.getAttribute("data-device-key");
  var until = parseInt(form.getAttribute("data-device-until"), 10);
  var end = form.getAttribute("data-moment") === "end";
  var mine = read(formKey);
  // The end form made a new token: this phone's start token, if it answered the start, wins.
  if (end && form.hasAttribute("data-device-fresh") && mine) {
    field.value = mine.device;
  }
  form.addEventListener("submit", function () {
    try {
      if (end) {
        store.removeItem(formKey);
      } else if (TOKEN.test(field.value)) {
        store.setItem(formKey, JSON.stringify({device: field.value, until: until}));
      }
    } catch (error) { /* storage full or refused: the link still pairs the answers */ }
  });
})();
