// RealSIM page helpers. Pages work without this file; it only adds the CSRF header to htmx requests.
(function () {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    document.body.addEventListener('htmx:configRequest', function (event) {
        if (token && header) {
            event.detail.headers[header.content] = token.content;
        }
    });
})();
