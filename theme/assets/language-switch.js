// The header's language switch (site_overrides/partials/header.html) goes to the same
// page in the other language; this keeps the place read: the clause anchors are the
// same in every language (#resolves-6-i), so the link takes the page's #anchor along.
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest(".language-switch__link");
    if (link && location.hash) link.hash = location.hash;
  });
})();
