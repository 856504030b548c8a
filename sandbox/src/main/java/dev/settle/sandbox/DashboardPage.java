package dev.settle.sandbox;

/**
 * The dashboard's page at {@code /}: a shell without any state, so it needs no API key itself. It
 * asks for the key once, keeps it in the browser's session storage, fetches the state from
 * {@link Dashboard#PATH} with it, and fetches it again every second while open, replacing only
 * what changed. Its buttons and forms post to the same {@code /sandbox/} controls as any client.
 * No framework and no external asset: the style and the script are inline, so it works offline.
 */
final class DashboardPage {
  private static final String STYLE = """
      body{font:16px/1.5 system-ui,sans-serif;color:#111;background:#fff;margin:0 auto;max-width:72rem;padding:1rem}
      h1{font-size:1.6rem}h2{font-size:1.3rem;margin-top:2rem;border-bottom:2px solid #333}h3{margin-bottom:.2rem}
      h4{margin:.8rem 0 .2rem}
      table{border-collapse:collapse;margin:.5rem 0;width:100%}caption{text-align:left;font-weight:600}
      th,td{border:1px solid #767676;padding:.25rem .5rem;text-align:left;vertical-align:top}
      th{background:#eee}.account{border:1px solid #767676;border-radius:4px;padding:0 1rem 1rem;margin:1rem 0}
      button{font:inherit;padding:.35rem .8rem;margin:.2rem .2rem .2rem 0;color:#fff;background:#0b57d0;
      border:2px solid #0b57d0;border-radius:4px;cursor:pointer}button.quiet{color:#0b57d0;background:#fff}
      input{font:inherit;padding:.25rem;border:1px solid #555;border-radius:3px;max-width:12rem}
      label{margin-right:.4rem}:focus-visible{outline:3px solid #b3261e;outline-offset:2px}
      [data-preferred=true] td:first-child{font-weight:700;color:#0a6b2d}.timeline li{margin:.1rem 0}
      #status{min-height:1.5rem;font-weight:600}fieldset{border:1px solid #767676;margin:.5rem 0}
      """;

  private static final String SCRIPT = """
      (function () {
        var KEY = 'settle-sandbox-api-key';
        var keyForm = document.getElementById('key-form');
        var main = document.getElementById('main');
        var state = document.getElementById('state');
        var status = document.getElementById('status');
        var shown = '';
        function key() { return sessionStorage.getItem(KEY); }
        function ask(message) {
          sessionStorage.removeItem(KEY);
          main.hidden = true;
          keyForm.hidden = false;
          document.getElementById('key-message').textContent = message || '';
          document.getElementById('api-key').focus();
        }
        function call(method, path, body) {
          var headers = {'Authorization': 'Bearer ' + key()};
          if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
          return fetch(path, {method: method, headers: headers,
              body: body === undefined ? undefined : JSON.stringify(body)}).then(function (response) {
            if (response.status === 401) { ask('The sandbox refused that API key. Enter it again.'); throw new Error('401'); }
            return response;
          });
        }
        function refresh() {
          if (!key()) { return Promise.resolve(); }
          return call('GET', '/sandbox/dashboard').then(function (response) { return response.text(); })
            .then(function (html) {
              if (html !== shown) { shown = html; state.innerHTML = html; }
              keyForm.hidden = true;
              main.hidden = false;
            }).catch(function () { /* asked again, or retried on the next tick */ });
        }
        function act(method, path, body, done) {
          return call(method, path, body).then(function (response) {
            return response.json().then(function (answer) {
              status.textContent = response.ok ? done + (answer.now ? ' Sandbox time: ' + answer.now + '.' : '')
                  : 'Refused: ' + answer.error.message;
              return refresh();
            });
          }).catch(function () {});
        }
        keyForm.addEventListener('submit', function (event) {
          event.preventDefault();
          var input = document.getElementById('api-key');
          sessionStorage.setItem(KEY, input.value.trim());
          input.value = '';
          refresh().then(function () { if (!main.hidden) { document.getElementById('title').focus(); } });
        });
        document.addEventListener('click', function (event) {
          var button = event.target.closest('button[data-path]');
          if (!button) { return; }
          act(button.dataset.method || 'POST', button.dataset.path,
              button.dataset.body ? JSON.parse(button.dataset.body) : undefined, button.dataset.done);
        });
        document.getElementById('fault-form').addEventListener('submit', function (event) {
          event.preventDefault();
          var rule = {};
          var number = function (id) { var v = document.getElementById(id).value.trim(); return v === '' ? null : Number(v); };
          if (number('latency') !== null) { rule.latency_ms = number('latency'); }
          if (number('error-rate') !== null) { rule.error_rate = number('error-rate'); rule.error_status = number('error-status') || 503; }
          if (number('drop-before') !== null) { rule.drop_before_commit = number('drop-before'); }
          if (number('drop-after') !== null) { rule.drop_after_commit = number('drop-after'); }
          act('POST', '/sandbox/faults', {rules: [rule]}, 'Fault switches set.');
        });
        setInterval(refresh, 1000);
        if (key()) { refresh(); } else { ask(); }
      })();
      """;

  private static final String BODY = """
      <h1 id="title" tabindex="-1">Settle sandbox</h1>
      <form id="key-form" hidden="hidden">
        <p><label for="api-key">API key of this sandbox</label>
        <input id="api-key" type="password" autocomplete="off" required="required"/>
        <button type="submit">Open the dashboard</button></p>
        <p id="key-message" role="alert"></p>
        <p>The key is kept in this browser tab's session only.</p>
      </form>
      <div id="main" hidden="hidden">
        <section aria-labelledby="actions-heading">
          <h2 id="actions-heading">Actions</h2>
          <p role="status" id="status" aria-live="polite"></p>
          <div role="group" aria-label="Move the clock">
            Move the clock:
            <button type="button" id="advance-day" data-path="/sandbox/clock/advance" data-body='{"days":1}'
                data-done="Moved a day.">+1 day</button>
            <button type="button" id="advance-month" data-path="/sandbox/clock/advance" data-body='{"months":1}'
                data-done="Moved a month.">+1 month</button>
            <button type="button" id="advance-year" data-path="/sandbox/clock/advance" data-body='{"years":1}'
                data-done="Moved a year.">+1 year</button>
            <button type="button" class="quiet" id="reset" data-path="/sandbox/reset" data-body='{}'
                data-done="Back to the start.">Reset</button>
          </div>
          <form id="fault-form">
            <fieldset><legend>Fault switches for all API requests</legend>
              <label for="latency">Latency (ms)</label><input id="latency" type="number" min="0" max="60000"/>
              <label for="error-rate">Error rate (0–1)</label><input id="error-rate" type="number" min="0" max="1" step="0.05"/>
              <label for="error-status">Error status</label><input id="error-status" type="number" min="400" max="599" placeholder="503"/>
              <label for="drop-before">Drop before the work (0–1)</label><input id="drop-before" type="number" min="0" max="1" step="0.05"/>
              <label for="drop-after">Drop after the work (0–1)</label><input id="drop-after" type="number" min="0" max="1" step="0.05"/>
              <button type="submit">Set the switches</button>
              <button type="button" class="quiet" id="faults-off" data-method="DELETE" data-path="/sandbox/faults"
                  data-done="Every fault switched off.">Switch all off</button>
            </fieldset>
          </form>
        </section>
        <div id="state"></div>
      </div>
      """;

  private DashboardPage() {}

  static Response respond(String method, String path, String requestId) {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Response.error(ApiError.methodNotAllowed(method, path), requestId).withHeader("Allow", "GET, HEAD");
    }
    String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"/>"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
        + "<title>Settle sandbox</title><style>" + STYLE + "</style></head><body>" + BODY
        + "<script>" + SCRIPT + "</script></body></html>";
    return Response.html(200, html).withHeader("Cache-Control", "no-store");
  }
}
