// RealSIM business orders: choosing another order type shows its form at once. The pages work without this file
// (the "Change type" button does the same).
(function () {
    var select = document.querySelector('select[data-autosubmit="true"]');
    if (select && select.form) {
        select.addEventListener('change', function () {
            select.form.submit();
        });
    }
})();
