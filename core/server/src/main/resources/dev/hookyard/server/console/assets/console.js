// Hookyard console: what needs script, and nothing else. Every page reads without it.
// - the live tail (server-sent events) with its connection indicator, pause and resume;
// - copy buttons for the "send it again" commands.

function tail() {
  const box = document.getElementById("tail");
  if (!box) return;
  const rows = document.getElementById("tail-rows");
  const status = document.getElementById("tail-status");
  const pause = document.getElementById("tail-pause");
  const missedNote = document.getElementById("tail-missed");
  const MAX_ROWS = 500;
  let paused = false;
  let source = null;
  let missed = 0;

  function show(state, text) {
    status.className = "status " + state;
    status.textContent = text;
  }

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text;
    row.appendChild(td);
    return td;
  }

  function add(kind, data) {
    const row = document.createElement("tr");
    row.className = kind;
    cell(row, data.at.replace("T", " ").replace(/\.\d+Z$/, "Z"));
    cell(row, kind);
    cell(row, data.endpoint);
    const detail = cell(row, "");
    if (kind === "accepted") {
      const link = document.createElement("a");
      link.href = "/console/deliveries/" + encodeURIComponent(String(data.id));
      link.textContent = "#" + data.id;
      detail.appendChild(link);
      detail.appendChild(document.createTextNode(" " + data.vendor + " " + data.type + ", "
          + data.handlers + (data.handlers === 1 ? " handler" : " handlers")));
    } else {
      detail.textContent = "reason " + data.reason + ", client " + data.client;
    }
    rows.insertBefore(row, rows.firstChild);
    while (rows.children.length > MAX_ROWS) rows.removeChild(rows.lastChild);
  }

  function connect() {
    show("off", "connecting…");
    source = new EventSource(box.dataset.source);
    source.onopen = () => show("on", "connected");
    source.onerror = () => show("off", source.readyState === EventSource.CLOSED ? "disconnected" : "reconnecting…");
    source.addEventListener("accepted", (e) => add("accepted", JSON.parse(e.data)));
    source.addEventListener("refused", (e) => add("refused", JSON.parse(e.data)));
    source.addEventListener("missed", (e) => {
      missed += JSON.parse(e.data).missed;
      missedNote.textContent = missed + " events not shown (the page read too slowly)";
    });
  }

  pause.hidden = false;
  pause.addEventListener("click", () => {
    paused = !paused;
    if (paused) {
      source.close();
      show("paused", "paused");
      pause.textContent = "Resume";
    } else {
      pause.textContent = "Pause";
      connect();
    }
  });
  connect();
}

function copyButtons() {
  for (const button of document.querySelectorAll("button.copy[data-copy]")) {
    const source = document.getElementById(button.dataset.copy);
    if (!source || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      await navigator.clipboard.writeText(source.textContent);
      button.textContent = "Copied";
    });
  }
}

tail();
copyButtons();
