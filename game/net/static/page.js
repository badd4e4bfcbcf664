  // What both student pages start with, put in where a page's script says so (web.page_text): the device's token
  // for this tab, the page's words in the room's language (t, tn: the JSON block the server adds), and DOM helpers
  // that only ever set text.
  var TOKEN_KEY = "rfr-token";
  var token = null;
  try { token = sessionStorage.getItem(TOKEN_KEY); } catch (e) { token = null; }
  var $ = function (id) { return document.getElementById(id); };
  var WORDS = {}, PLURALS = {}, RULES = null;
  try { var words = JSON.parse($("words").textContent); WORDS = words.words || {}; PLURALS = words.plurals || {}; }
  catch (e) { /* no words block: the page's own English */ }
  try { RULES = new Intl.PluralRules(document.documentElement.lang || "en"); } catch (e) { RULES = null; }
  function put(s, v) {
    return v ? s.replace(/\{(\w+)\}/g, function (m, k) { return v[k] !== undefined ? String(v[k]) : m; }) : s;
  }
  function t(s, v) { return put(typeof WORDS[s] === "string" ? WORDS[s] : s, v); }
  function tn(one, other, n, v) {
    var forms = PLURALS[one], cat = RULES ? RULES.select(n) : (n === 1 ? "one" : "other");
    var s = forms && typeof forms[cat] === "string" ? forms[cat] : forms && typeof forms.other === "string" ?
      forms.other : n === 1 ? one : other;
    v = v || {};
    v.n = n;
    return put(s, v);
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(e) { while (e.firstChild) { e.removeChild(e.firstChild); } }
  function say(text) { $("live").textContent = text || ""; }
