// RealSIM self-service verification: previews of the photos taken, and a busy button while they upload.
// The page works without this file; it only helps on slow phone connections.
(function () {
    var form = document.getElementById('self-service-form');
    if (!form) {
        return;
    }
    Array.prototype.forEach.call(form.querySelectorAll('.photo-input'), function (box) {
        var input = box.querySelector('input[type=file]');
        var preview = box.querySelector('.photo-preview');
        if (!input || !preview || !window.URL) {
            return;
        }
        input.addEventListener('change', function () {
            if (preview.src) {
                URL.revokeObjectURL(preview.src);
            }
            if (input.files && input.files[0]) {
                preview.src = URL.createObjectURL(input.files[0]);
                preview.classList.remove('d-none');
            } else {
                preview.classList.add('d-none');
            }
        });
    });
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
})();
