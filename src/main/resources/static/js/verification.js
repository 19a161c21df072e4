// RealSIM self-service verification: previews of the photos taken, and a busy button while they upload (app.js sends
// the form with a progress bar). When the answer is the form again with an error, the photos taken are put back into
// their fields, except one marked as wrong, so that the end user need not take them again.
// The page works without this file; it only helps on slow phone connections.
(function () {
    function preview(box) {
        var input = box.querySelector('input[type=file]');
        var image = box.querySelector('.photo-preview');
        if (!input || !image || !window.URL) {
            return;
        }
        if (image.src) {
            URL.revokeObjectURL(image.src);
        }
        if (input.files && input.files[0]) {
            image.src = URL.createObjectURL(input.files[0]);
            image.classList.remove('d-none');
        } else {
            image.classList.add('d-none');
        }
    }

    function init(form, kept) {
        if (!form) {
            return;
        }
        var restored = 0;
        Array.prototype.forEach.call(form.querySelectorAll('.photo-input'), function (box) {
            var input = box.querySelector('input[type=file]');
            if (!input) {
                return;
            }
            if (kept && kept[input.name] && !input.classList.contains('is-invalid') && window.DataTransfer) {
                var transfer = new DataTransfer();
                Array.prototype.forEach.call(kept[input.name], function (file) {
                    transfer.items.add(file);
                });
                input.files = transfer.files;
                restored++;
            }
            input.addEventListener('change', function () {
                preview(box);
            });
            preview(box);
        });
        if (restored > 0) {
            ['reattach', 'photos-kept'].forEach(function (id) {
                var element = document.getElementById(id);
                if (element) {
                    element.classList.toggle('d-none', id === 'reattach');
                }
            });
        }
        form.addEventListener('submit', function (event) {
            var button = document.getElementById('submit-verification');
            if (form.dataset.busy === 'true') {
                event.preventDefault(); // one submission at a time
                return;
            }
            form.dataset.busy = 'true';
            button.disabled = true;
            button.setAttribute('aria-busy', 'true');
            var label = button.querySelector('[data-busy-text]');
            if (label) {
                label.textContent = label.getAttribute('data-busy-text');
            }
            ['upload-spinner', 'upload-progress', 'upload-note'].forEach(function (id) {
                var element = document.getElementById(id);
                if (element) {
                    element.classList.remove('d-none');
                }
            });
        });
    }

    init(document.getElementById('self-service-form'), null);
    document.addEventListener('realsim:swapped', function (event) {
        if (event.detail.formId === 'self-service-form') {
            init(document.getElementById('self-service-form'), event.detail.files);
        }
    });
})();
