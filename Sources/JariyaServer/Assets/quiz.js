// Jariya's quiz page: the countdown from the server's deadline, and saving
// an answer as soon as it changes. Everything works without this script too:
// the server keeps the deadline and saves on every button.
(function () {
  "use strict";
  var timer = document.querySelector(".timer[data-seconds-left]");
  if (timer) {
    var left = parseInt(timer.getAttribute("data-seconds-left"), 10);
    var shown = timer.querySelector("span");
    var ends = Date.now() + left * 1000;
    var tick = function () {
      var seconds = Math.max(0, Math.round((ends - Date.now()) / 1000));
      shown.textContent = Math.floor(seconds / 60) + ":" + String(seconds % 60).padStart(2, "0");
      if (seconds === 0) {
        window.location.assign(timer.getAttribute("data-result"));
        return;
      }
      window.setTimeout(tick, 1000);
    };
    tick();
  }
  var form = document.getElementById("quiz-form");
  if (form && window.fetch) {
    var save = function () {
      var body = new URLSearchParams(new FormData(form));
      body.set("go", "stay");
      fetch(form.action, { method: "POST", body: body, credentials: "same-origin", headers: { "X-Jariya-Autosave": "1" } });
    };
    form.addEventListener("change", save);
  }
})();
