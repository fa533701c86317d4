// Flash messages fade out by themselves so they never cover the page for long.
document.querySelectorAll("[data-dismiss-after]").forEach((el) => {
  const after = Number(el.dataset.dismissAfter) || 4000;
  setTimeout(() => {
    el.classList.add("hidden");
    setTimeout(() => el.remove(), 500);
  }, after);
});

// Buttons with data-confirm ask before their form is submitted (inline handlers are blocked by the CSP).
document.addEventListener("submit", (event) => {
  const message = event.submitter?.dataset.confirm ?? event.target.dataset.confirm;
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
