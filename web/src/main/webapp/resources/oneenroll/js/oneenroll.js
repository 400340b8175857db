/*
 * Large-text mode (适老化): the header button toggles a class on <body> at once and remembers the choice for a year in
 * a cookie, which the server (Display) reads to render every later page large from its first paint. A cookie rather
 * than a session keeps the public pages stateless.
 */
(function () {
    "use strict";
    var COOKIE = "oe-large-text";
    var CLASS = "oe-large-text";

    function remember(on, path) {
        document.cookie = COOKIE + "=" + (on ? "1" : "0") + "; path=" + path + "; max-age=31536000; samesite=lax";
    }

    function init() {
        var button = document.getElementById("oe-large-text");
        if (!button) {
            return;
        }
        button.addEventListener("click", function () {
            var on = !document.body.classList.contains(CLASS);
            document.body.classList.toggle(CLASS, on);
            button.setAttribute("aria-pressed", on ? "true" : "false");
            remember(on, button.getAttribute("data-cookie-path") || "/");
        });
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
