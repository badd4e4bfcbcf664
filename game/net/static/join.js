  // Joining and the live connection, the same on both student pages: web.page_text puts this file where a page's
  // script says so, before the page's Content-Security-Policy hash is taken. It uses page.js's $, t, tn, say and
  // token, and the page's own connect, ws, retry and ended.
  function saveToken(t) {
    token = t;
    try { if (t) { sessionStorage.setItem(TOKEN_KEY, t); } else { sessionStorage.removeItem(TOKEN_KEY); } }
    catch (e) { /* private mode: the token lives in memory only */ }
  }
  function listenForJoin(joined, fullText) {
    $("join-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var code = $("code").value.replace(/\D/g, "");
      if (code.length !== 4) { $("join-msg").textContent = t("The room code has 4 digits."); return; }
      $("join-btn").disabled = true;
      fetch("/join", { method: "POST", headers: { "Content-Type": "application/json" },
                       body: JSON.stringify({ code: code }), credentials: "same-origin" })
        .then(function (r) { return r.json().then(function (b) { return { status: r.status, body: b }; }); })
        .then(function (r) {
          $("join-btn").disabled = false;
          if (r.status === 200 && typeof r.body.token === "string") {
            $("join-msg").textContent = "";
            saveToken(r.body.token);
            joined();
          } else if (r.status === 429) {
            var wait = Number(r.body.wait) || 30;
            $("join-msg").textContent = tn("Too many tries. Wait {n} second, then check the code on the screen.",
              "Too many tries. Wait {n} seconds, then check the code on the screen.", wait);
            $("join-btn").disabled = true;
            setTimeout(function () { $("join-btn").disabled = false; }, wait * 1000);
          } else if (r.status === 503) {
            $("join-msg").textContent = fullText;
          } else {
            var left = Number(r.body.left);
            $("join-msg").textContent = left ? tn("That code is not right. Check the screen and try again ({n} try left).",
              "That code is not right. Check the screen and try again ({n} tries left).", left) :
              t("That code is not right. Check the screen and try again.");
          }
        })
        .catch(function () {
          $("join-btn").disabled = false;
          $("join-msg").textContent = t("Cannot reach the class screen. Check you are on the same Wi-Fi as your teacher.");
        });
    });
  }
  function openLive(onMessage, onClose) {
    var proto = location.protocol === "https:" ? "wss://" : "ws://";
    ws = new WebSocket(proto + location.host + "/live");
    ws.onopen = function () { retry = 0; say(""); ws.send(JSON.stringify({ hello: token })); };
    ws.onmessage = function (ev) {
      var msg;
      try { msg = JSON.parse(ev.data); } catch (e) { return; }
      if (msg && typeof msg === "object") { onMessage(msg); }
    };
    ws.onclose = function () {
      ws = null;
      if (onClose) { onClose(); }
      if (ended || !token) { return; }
      say(t("Connection lost. Trying again\u2026"));
      retry = Math.min(retry + 1, 6);
      setTimeout(connect, 500 * retry);
    };
  }
