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

// A part of a form shown only while a checkbox is not ticked (data-hidden-by: the checkbox's id), e.g. the dates of an
// authorisation letter, needless when the responsible person is the legal representative. The server renders the
// same state, so the page works without this file.
(function () {
    function bind(root) {
        Array.prototype.forEach.call(root.querySelectorAll('[data-hidden-by]'), function (part) {
            var box = document.getElementById(part.getAttribute('data-hidden-by'));
            if (!box || part.dataset.hiddenBound === 'true') {
                return;
            }
            part.dataset.hiddenBound = 'true';
            var sync = function () {
                part.hidden = box.checked;
            };
            box.addEventListener('change', sync);
            sync();
        });
    }
    bind(document);
    document.addEventListener('realsim:swapped', function (event) {
        bind(event.detail.content);
    });
})();

// Uploads with progress: a form with data-upload-progress (its value labels the bar) is sent in the background so that
// a progress bar shows how much of the file has gone; the page the server answers with (after its redirect, with its
// message) then takes the place of this page's content, and 'realsim:swapped' tells the page's scripts. Without this
// file, or if the background request fails, the form is sent as usual.
(function () {
    function progressOf(form) {
        var bar = form.querySelector('progress.upload-progress');
        if (!bar) {
            bar = document.createElement('progress');
            bar.className = 'upload-progress w-100 mt-1';
            bar.max = 100;
            bar.setAttribute('aria-label', form.getAttribute('data-upload-progress'));
            form.appendChild(bar);
        }
        bar.classList.remove('d-none');
        bar.hidden = false;
        bar.value = 0;
        return bar;
    }

    function show(html, url, form) {
        var next = new DOMParser().parseFromString(html, 'text/html');
        var content = next.querySelector('body > .container-xxl');
        var current = document.querySelector('body > .container-xxl');
        if (!content || !current) {
            document.open();
            document.write(html);
            document.close();
            return;
        }
        var kept = {};
        Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (input) {
            if (input.files && input.files.length) {
                kept[input.name] = input.files;
            }
        });
        var formId = form.id;
        current.replaceWith(content);
        document.title = next.title;
        history.replaceState(null, '', url);
        if (window.htmx) {
            window.htmx.process(content);
        }
        document.dispatchEvent(new CustomEvent('realsim:swapped', {
            detail: { content: content, formId: formId, files: kept }
        }));
        // the page may point at the next upload still missing (form.next-upload); otherwise back to this form
        var next = content.querySelector('form.next-upload');
        var again = next || (formId && document.getElementById(formId));
        if (again) {
            again.scrollIntoView({ block: 'center' });
        }
        var file = next && next.querySelector('input[type=file]:not([disabled])');
        if (file) {
            file.focus();
        }
    }

    document.addEventListener('submit', function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-upload-progress') || event.defaultPrevented
            || !window.FormData || !window.DOMParser) {
            return;
        }
        event.preventDefault();
        if (form.dataset.uploading === 'true') {
            return;
        }
        form.dataset.uploading = 'true';
        var bar = progressOf(form);
        var xhr = new XMLHttpRequest();
        xhr.open('POST', form.action);
        xhr.upload.addEventListener('progress', function (progress) {
            if (progress.lengthComputable) {
                bar.value = Math.round(progress.loaded * 100 / progress.total);
            }
        });
        xhr.addEventListener('load', function () {
            show(xhr.responseText, xhr.responseURL || form.action, form);
        });
        xhr.addEventListener('error', function () {
            form.dataset.uploading = 'false';
            HTMLFormElement.prototype.submit.call(form);
        });
        xhr.send(new FormData(form));
    });
})();
