/* The evaluator's tablet checklist: offline first.
 *
 * A result is queued in IndexedDB with a client-generated id (crypto.randomUUID) before any
 * network call, then synced when online (the `online` event, a retry with backoff, or the
 * "Sync now" button). The server records a retried id exactly once, so syncing twice is safe.
 * Photos are hashed with crypto.subtle (SHA-256) and uploaded before the result that names them.
 */
(function () {
  "use strict";
  const config = JSON.parse(document.getElementById("checklist-config").textContent);
  const $ = (sel, root) => (root || document).querySelector(sel);
  const $$ = (sel, root) => Array.from((root || document).querySelectorAll(sel));
  const form = $("#checklist");
  const names = Object.fromEntries(config.roster.map((l) => [l.id, l.name]));
  let learnerId = null;
  let timerStart = null;
  let elapsedBefore = 0;
  let tick = null;
  let retryDelay = 1000;
  let retryTimer = null;
  let syncing = false;

  const dbPromise = idb.openDB("skillstack-assessment", 1, {
    upgrade(db) {
      db.createObjectStore("outbox", { keyPath: "client_id" });
    },
  });

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : "";
  }

  /* ---- learner, steps, timer ---- */
  function chooseLearner(button) {
    $$(".learner").forEach((b) => b.setAttribute("aria-pressed", String(b === button)));
    learnerId = Number(button.dataset.learnerId);
    resetForm();
    $("#current-learner").textContent = names[learnerId];
    form.hidden = false;
    $("#current-heading").focus();
  }

  function resetForm() {
    form.reset();
    $$(".check", form).forEach((b) => setCheck(b, false));
    $$(".level", form).forEach((b) => b.setAttribute("aria-pressed", "false"));
    stopTimer();
    timerStart = null;
    elapsedBefore = 0;
    showElapsed();
    $("#form-error").textContent = "";
  }

  function setCheck(button, done) {
    button.setAttribute("aria-pressed", String(done));
    button.textContent = done ? "Done ✓" : "Not done";
  }

  function elapsedSeconds() {
    const running = timerStart ? (Date.now() - timerStart) / 1000 : 0;
    return Math.round(elapsedBefore + running);
  }

  function showElapsed() {
    const s = elapsedSeconds();
    $("#elapsed").textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function stopTimer() {
    if (timerStart) elapsedBefore += (Date.now() - timerStart) / 1000;
    timerStart = null;
    clearInterval(tick);
    $("#timer-toggle").textContent = elapsedBefore ? "Resume timer" : "Start timer";
  }

  function toggleTimer() {
    if (timerStart) return stopTimer();
    if (!form.dataset.observedAt) form.dataset.observedAt = new Date().toISOString();
    timerStart = Date.now();
    tick = setInterval(showElapsed, 500);
    $("#timer-toggle").textContent = "Stop timer";
  }

  /* ---- building and queueing a result ---- */
  async function sha256Hex(blob) {
    const digest = await crypto.subtle.digest("SHA-256", await blob.arrayBuffer());
    return Array.from(new Uint8Array(digest)).map((b) => b.toString(16).padStart(2, "0")).join("");
  }

  function observation() {
    const checks = [];
    const levels = {};
    const notes = {};
    $$(".step", form).forEach((li) => {
      const key = li.dataset.key;
      if (li.dataset.kind === "check" && $(".check", li).getAttribute("aria-pressed") === "true") {
        checks.push(key);
      }
      const chosen = $(".level[aria-pressed='true']", li);
      if (chosen) levels[key] = Number(chosen.dataset.level);
      const note = $("textarea", li).value.trim();
      if (note) notes[key] = note;
    });
    return { checks, levels, notes };
  }

  async function submit(event) {
    event.preventDefault();
    if (!learnerId) return;
    if (!$("#attest").checked) {
      $("#form-error").textContent = "Tick “I observed this attempt in person” before recording.";
      $("#attest").focus();
      return;
    }
    stopTimer();
    const obs = observation();
    const photos = [];
    const file = $("#photo").files[0];
    if (file) {
      if (file.size > 10 * 1024 * 1024) {
        $("#form-error").textContent = "The photo is larger than 10 MB; take a smaller one.";
        return;
      }
      photos.push({ blob: file, sha256: await sha256Hex(file) });
    }
    const now = new Date().toISOString();
    const item = {
      client_id: crypto.randomUUID(),
      learnerName: names[learnerId],
      photos,
      error: "",
      body: {
        learner_id: learnerId,
        observed_at: form.dataset.observedAt || now,
        attested_at: now,
        elapsed_s: elapsedSeconds() || null,
        checks_done: obs.checks,
        rubric_levels: obs.levels,
        notes: obs.notes,
        evidence_sha256: photos.map((p) => p.sha256),
      },
    };
    item.body.client_id = item.client_id;
    const db = await dbPromise;
    await db.put("outbox", item);
    delete form.dataset.observedAt;
    form.hidden = true;
    $$(".learner").forEach((b) => b.setAttribute("aria-pressed", "false"));
    learnerId = null;
    await render();
    sync();
  }

  /* ---- syncing ---- */
  async function uploadPhoto(photo) {
    const data = new FormData();
    data.append("photo", photo.blob, photo.sha256 + ".jpg");
    data.append("sha256", photo.sha256);
    const response = await fetch(config.evidenceUrl, {
      method: "POST",
      body: data,
      headers: { "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
    });
    return response;
  }

  async function send(item) {
    for (const photo of item.photos) {
      const response = await uploadPhoto(photo);
      if (!response.ok) return response;
    }
    return fetch(config.syncUrl, {
      method: "POST",
      body: JSON.stringify(item.body),
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
    });
  }

  async function sync() {
    if (syncing) return;
    syncing = true;
    clearTimeout(retryTimer);
    let transient = false;
    try {
      const db = await dbPromise;
      for (const item of await db.getAll("outbox")) {
        if (item.error) continue; // refused for good: shown, not retried
        let response;
        try {
          response = await send(item);
        } catch (err) {
          transient = true; // offline or the network dropped
          break;
        }
        if (response.ok) {
          const result = await response.json();
          await db.delete("outbox", item.client_id);
          addResult(item.learnerName, result);
        } else if (response.status >= 500 || response.status === 429) {
          transient = true;
          break;
        } else {
          let detail = "The server refused this result.";
          try { detail = (await response.json()).detail || detail; } catch (e) { /* not JSON */ }
          item.error = detail;
          await db.put("outbox", item);
        }
      }
    } finally {
      syncing = false;
    }
    await render();
    if (transient) {
      retryTimer = setTimeout(sync, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    } else {
      retryDelay = 1000;
    }
  }

  function addResult(name, result) {
    const list = $("#results");
    const none = $(".none", list);
    if (none) none.remove();
    const li = document.createElement("li");
    const verdict = result.passed ? "passed" : "not passed";
    const waiting = result.status === "awaiting_cosign" ? " — waiting for a co-signature" : "";
    li.textContent = name + ": " + verdict + waiting;
    list.prepend(li);
    const button = $(".learner[data-learner-id='" + result.learner_id + "'] .done-mark");
    if (button) button.hidden = false;
  }

  async function render() {
    const db = await dbPromise;
    const items = await db.getAll("outbox");
    const waiting = items.filter((i) => !i.error).length;
    $("#pending-count").textContent = waiting
      ? waiting + (waiting === 1 ? " result" : " results") + " waiting to sync"
      : "Nothing waiting to sync";
    const list = $("#outbox");
    list.replaceChildren(
      ...items.map((item) => {
        const li = document.createElement("li");
        li.textContent = item.learnerName + (item.error ? ": not recorded — " + item.error : ": waiting to sync");
        if (item.error) li.className = "field-error";
        return li;
      })
    );
    const online = navigator.onLine;
    $("#net-state").textContent = online ? "Online" : "Offline — results are kept on this tablet";
    $("#net-state").classList.toggle("offline", !online);
  }

  /* ---- wiring ---- */
  $$(".learner").forEach((b) => b.addEventListener("click", () => chooseLearner(b)));
  config.recorded.forEach((id) => {
    const mark = $(".learner[data-learner-id='" + id + "'] .done-mark");
    if (mark) mark.hidden = false;
  });
  $$(".check", form).forEach((b) =>
    b.addEventListener("click", () => setCheck(b, b.getAttribute("aria-pressed") !== "true"))
  );
  $$(".levels", form).forEach((group) =>
    $$(".level", group).forEach((b) =>
      b.addEventListener("click", () =>
        $$(".level", group).forEach((o) => o.setAttribute("aria-pressed", String(o === b)))
      )
    )
  );
  $("#timer-toggle").addEventListener("click", toggleTimer);
  form.addEventListener("submit", submit);
  $("#sync-now").addEventListener("click", () => { retryDelay = 1000; sync(); });
  window.addEventListener("online", () => { retryDelay = 1000; render(); sync(); });
  window.addEventListener("offline", render);

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(config.workerUrl).then(() => {
      if ("caches" in window) caches.open("skillstack-checklist-v1").then((c) => c.add(location.href));
    }).catch(() => { /* the page still works online without it */ });
  }
  render().then(sync);
})();
