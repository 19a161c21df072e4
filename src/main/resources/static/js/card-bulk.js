// The card list's bulk bar: "all on this page" ticks or clears every card's checkbox of the page.
(function () {
    var all = document.querySelector('[data-bulk-all]');
    if (!all) {
        return;
    }
    all.addEventListener('change', function () {
        document.querySelectorAll('[data-bulk-card]').forEach(function (box) {
            box.checked = all.checked;
        });
    });
})();
