// hexsync serve's dashboard: a little on top of pages that work without it.
// - times in the viewer's zone (UTC stays on hover);
// - pages with data-poll refresh their [data-live] parts when a sync ends;
// - the access explorer searches as you type and sends the viewer's time zone.
(function () {
  "use strict";

  var dateFormat = new Intl.DateTimeFormat(undefined, {
    year: "numeric", month: "short", day: "numeric",
    hour: "2-digit", minute: "2-digit", second: "2-digit", timeZoneName: "short"
  });

  function localTimes(root) {
    var times = root.querySelectorAll("time[datetime]");
    for (var i = 0; i < times.length; i++) {
      var t = times[i];
      var d = new Date(t.getAttribute("datetime"));
      if (isNaN(d.getTime())) { continue; }
      t.textContent = dateFormat.format(d);
      t.title = "UTC: " + d.toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
    }
  }

  function poll(url, seconds) {
    var last = null;
    function tick() {
      fetch(url, { credentials: "same-origin", cache: "no-store" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body) { return; }
          var now = JSON.stringify(body.state);
          if (last !== null && now !== last) { refresh(); }
          last = now;
        })
        .catch(function () { /* the server restarts: try again at the next tick */ })
        .then(function () { window.setTimeout(tick, seconds * 1000); });
    }
    tick();
  }

  function refresh() {
    return fetch(window.location.href, { credentials: "same-origin", cache: "no-store" })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, "text/html");
        var parts = document.querySelectorAll("[data-live][id]");
        for (var i = 0; i < parts.length; i++) {
          var part = fresh.getElementById(parts[i].id);
          if (part) {
            parts[i].innerHTML = part.innerHTML;
            localTimes(parts[i]);
          }
        }
      })
      .catch(function () { /* keep what is shown */ });
  }

  function explorer(form) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    var tz = form.querySelector("[data-tz]");
    if (tz && !tz.value) { tz.value = zone; }
    var labels = form.querySelectorAll("[data-tz-label]");
    for (var i = 0; i < labels.length; i++) { labels[i].textContent = "in " + (tz ? tz.value : zone); }
    var at = form.querySelector("#x-at");
    var atOn = form.querySelector("#x-at-on");
    if (at && atOn) { at.addEventListener("input", function () { atOn.checked = true; }); }
    var input = form.querySelector("#x-q");
    var box = document.getElementById("matches");
    var url = form.getAttribute("data-search");
    if (!input || !box || !url) { return; }
    var timer = null;
    var asked = 0;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var params = new URLSearchParams(new FormData(form));
        var mine = ++asked;
        fetch(url + "?" + params.toString(), { credentials: "same-origin" })
          .then(function (r) { return r.ok ? r.text() : null; })
          .then(function (html) {
            if (html === null || mine !== asked) { return; }
            box.innerHTML = html;
            box.setAttribute("data-query", input.value);
          })
          .catch(function () { /* the form still works */ });
      }, 120);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes(document);
    var body = document.body;
    var url = body.getAttribute("data-poll");
    if (url) { poll(url, Number(body.getAttribute("data-poll-seconds")) || 2); }
    var form = document.querySelector("form.explorer");
    if (form) { explorer(form); }
  });
})();
