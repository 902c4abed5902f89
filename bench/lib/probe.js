// Runs in each page before the app (Playwright addInitScript), the same for every app:
// - snapshots what the page shows at the moment an app marks `scim-first-row`/`scim-all-rows`
//   (and the console `scim-copy-shown`), so a mark set before the rows are really there is caught;
// - times filter keystrokes: from the keydown's timestamp to the moment the page shows the
//   expected result (count and rows) with style and layout done;
// - records Content-Security-Policy violations.
export function probe(ui) {
  const lower = s => Array.from(s, c => c.toLowerCase()).join('');
  const bench = (window.__bench = { marks: {}, csp: [], want: null });
  const rows = () => Array.from(document.querySelectorAll(ui.rows));
  const counted = new RegExp(ui.countsPattern ?? '([\\d,]+) identities · ([\\d,]+) shown');
  const shown = () => {
    const text = document.querySelector(ui.counts)?.textContent ?? '';
    const m = counted.exec(text);
    return m ? { total: Number(m[1].replaceAll(',', '')), shown: Number(m[2].replaceAll(',', '')) } : null;
  };
  bench.state = () => {
    const list = rows();
    const viewport = document.querySelector(ui.viewport);
    return { counts: shown(), rows: list.length, first: list[0]?.textContent.slice(0, 80) ?? null,
      scrollHeight: viewport?.scrollHeight ?? 0, t: performance.now() };
  };
  const mark = Performance.prototype.mark;
  Performance.prototype.mark = function (name, ...rest) {
    if (['scim-first-row', 'scim-all-rows', 'scim-copy-shown'].includes(name)) bench.marks[name] = bench.state();
    return mark.call(this, name, ...rest);
  };
  document.addEventListener('securitypolicyviolation', e => bench.csp.push(`${e.effectiveDirective} ${e.blockedURI}`));

  // The result is shown when the count says so and the first rows (up to 5) all contain the needle.
  const showsResult = want => {
    const c = shown();
    if (!c || c.shown !== want.count) return false;
    const list = rows().slice(0, 5);
    if (list.length < Math.min(want.count, 5)) return false;
    return !want.needle || list.every(tr => Array.from(tr.children, td => lower(td.textContent)).some(t => t.includes(want.needle)));
  };
  const check = () => {
    const want = bench.want;
    if (!want || want.t0 === null || want.latency !== null || !showsResult(want)) return;
    void document.body.offsetHeight; // style and layout of the frame that shows it
    want.latency = performance.now() - want.t0;
    observer.disconnect();
    want.resolve(want.latency);
  };
  // Watches the page only while a keystroke is timed, so it costs nothing during loads and scrolls.
  const observer = new MutationObserver(check);
  /** Arms the timer for the next keystroke: `count` rows matching `needle` are expected. */
  bench.expect = (needle, count) => {
    let resolve;
    const done = new Promise(r => { resolve = r; });
    bench.want = { needle: lower(needle.trim()), count, t0: null, latency: null, resolve, done };
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  };
  document.addEventListener('keydown', e => { if (bench.want && bench.want.t0 === null) bench.want.t0 = e.timeStamp; }, true);
  // After the input's own handlers (and their microtasks) have run, and after every change to the page.
  const channel = new MessageChannel();
  channel.port1.onmessage = check;
  window.addEventListener('input', () => channel.port2.postMessage(0));
}
