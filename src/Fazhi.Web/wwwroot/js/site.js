// Small progressive enhancements; every page works without them.
document.addEventListener('click', (e) => {
  const open = e.target.closest('[data-open-dialog]');
  if (open) { document.getElementById(open.dataset.openDialog)?.showModal(); e.preventDefault(); }
  const close = e.target.closest('[data-close-dialog]');
  if (close) { close.closest('dialog')?.close(); e.preventDefault(); }
});
document.addEventListener('change', (e) => {
  if (e.target.matches('select[data-autosubmit]')) e.target.form.requestSubmit();
});
document.querySelectorAll('dialog.open-on-load').forEach((d) => d.showModal());
// 确认: a button or link with data-confirm asks before it acts (停用, 移动, 撤回, 删除…).
document.addEventListener('click', (e) => {
  const ask = e.target.closest('[data-confirm]');
  if (ask && !window.confirm(ask.dataset.confirm)) { e.preventDefault(); e.stopImmediatePropagation(); }
}, true);
