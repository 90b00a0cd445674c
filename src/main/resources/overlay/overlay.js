/*
 * GameTriggers overlay page, loaded by OBS as a Browser Source from the app's local server.
 *
 * It listens to /events/{key} (server-sent events) and draws the sponsor the server shows. A showing counts as one
 * impression once it has been on air for a second: on air means OBS says the source is active (in the program
 * output), OBS does not say it is not streaming, the page is connected and the card is on screen. Until OBS sends its
 * first obsSourceActiveChanged, the state is unknown and counts as not on air. On-air time is measured with clock
 * timestamps, not animation frames, which OBS stops for hidden sources.
 *
 * The page then sends POST /beacon {ticket, onAirMs} and keeps it in localStorage until the server acknowledges it
 * (200) or refuses the ticket (404). It resends the same ticket after a failure, after a reload and when the page is
 * hidden or closed; the server counts a ticket once, so resending can never count a showing twice. When a counted
 * showing ends, or the page goes away during one, it reports the showing's whole time on air the same way, as
 * POST /on-air {ticket, onAirMs}, once its beacon has been answered; the audit trail keeps the longest report.
 *
 * A creative that fails to load or decode is reported once per page load (POST /creative-problem {ticket, media,
 * mediaError, httpStatus, blocked}), so the app can tell the streamer; the showing goes on without it.
 *
 * When the streamer turns it on, the app also sends a countdown before each showing ({inMs}: the time left), and the
 * page shows "Sponsor in N s" in its corner, counted down on its own clock, until the showing starts or the app ends
 * the countdown (a skip, a pause).
 *
 * Opened in a plain browser (no window.obsstudio), the page is a preview: it shows a badge and sends nothing.
 */
(function () {
  'use strict';

  var ON_AIR_MS = 1000;
  var PENDING_PREFIX = 'gt-pending-beacons:';
  var DONE_KEY = 'gt-done-beacons';
  var PROGRESS_PREFIX = 'gt-showing-progress:';
  var DONE_KEEP = 200;
  var RETRY_FIRST_MS = 2000;
  var RETRY_MAX_MS = 15000;
  var RETRY_CHECK_MS = 1000;
  var BEACON_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000; // the server refuses older tickets anyway
  var REOPEN_MS = 5000;
  var MEDIA_WAIT_MS = 1500;
  var LEAVE_MS = 400;
  var SAFETY_HIDE_GRACE_MS = 10000;

  var STAGE_WIDTH = 1920;
  var STAGE_HEIGHT = 1080;
  var CARD_WIDTH = 560;
  var CARD_MARGIN = 40;
  var MIN_SCALE = 0.8; // below this a card on an 800x600 source gets hard to read
  var QR_CSS_PX = 176;
  var QR_OVERSAMPLE = 4; // the server draws whole pixels per module: a larger image fills the tile, scaled down smoothly

  var root = document.documentElement;
  var inObs = typeof window.obsstudio === 'object' && window.obsstudio !== null;
  var key = location.pathname.split('/').filter(function (part) { return part.length > 0; }).pop() || '';
  var progressKey = PROGRESS_PREFIX + key;

  var el = {
    card: document.getElementById('card'),
    media: document.getElementById('media'),
    brand: document.getElementById('brand'),
    command: document.getElementById('command'),
    qr: document.getElementById('qr'),
    badge: document.getElementById('preview-badge'),
    countdown: document.getElementById('countdown'),
    countdownSeconds: document.getElementById('countdown-seconds')
  };

  // ---- storage: localStorage, or memory when the browser refuses it -------------------------------------------

  var storage = (function () {
    try {
      var s = window.localStorage;
      s.setItem('gt-probe', '1');
      s.removeItem('gt-probe');
      return s;
    } catch (e) {
      return null;
    }
  })();
  var memory = {};

  function getItem(name) {
    if (storage) {
      try { return storage.getItem(name); } catch (e) { /* fall through to memory */ }
    }
    return Object.prototype.hasOwnProperty.call(memory, name) ? memory[name] : null;
  }

  function setItem(name, value) {
    if (storage) {
      try { storage.setItem(name, value); return; } catch (e) { /* quota or disabled: keep it in memory */ }
    }
    memory[name] = value;
  }

  function removeItem(name) {
    if (storage) {
      try { storage.removeItem(name); } catch (e) { /* ignore */ }
    }
    delete memory[name];
  }

  function keys() {
    var names = Object.keys(memory);
    if (storage) {
      try {
        for (var i = 0; i < storage.length; i++) {
          var name = storage.key(i);
          if (name !== null && names.indexOf(name) < 0) {
            names.push(name);
          }
        }
      } catch (e) { /* ignore */ }
    }
    return names;
  }

  function readJson(name) {
    var value = getItem(name);
    if (value === null) {
      return null;
    }
    try { return JSON.parse(value); } catch (e) { return null; }
  }

  function writeJson(name, value) {
    setItem(name, JSON.stringify(value));
  }

  // ---- pending beacons: one key per ticket, so two overlay pages never overwrite each other's ------------------

  function pendingGet(ticket) {
    var entry = readJson(PENDING_PREFIX + ticket);
    return entry && entry.ticket === ticket ? entry : null;
  }

  function pendingPut(entry) {
    writeJson(PENDING_PREFIX + entry.ticket, entry);
  }

  function pendingAll() {
    var all = [];
    keys().forEach(function (name) {
      if (name.indexOf(PENDING_PREFIX) === 0) {
        var entry = readJson(name);
        if (entry && typeof entry.ticket === 'string' && PENDING_PREFIX + entry.ticket === name) {
          all.push(entry);
        } else {
          removeItem(name);
        }
      }
    });
    return all;
  }

  function isDone(ticket) {
    var done = readJson(DONE_KEY);
    return Array.isArray(done) && done.indexOf(ticket) >= 0;
  }

  /** The server answered for this ticket for good (counted, or refused): forget it, remember not to send it again. */
  function settle(ticket) {
    removeItem(PENDING_PREFIX + ticket);
    var done = readJson(DONE_KEY);
    if (!Array.isArray(done)) {
      done = [];
    }
    if (done.indexOf(ticket) < 0) {
      done.push(ticket);
    }
    writeJson(DONE_KEY, done.slice(-DONE_KEEP));
  }

  // ---- beacons ---------------------------------------------------------------------------------------------------

  var inflight = {};

  function queueBeacon(ticket, onAirMs) {
    queue({ ticket: ticket, onAirMs: onAirMs });
  }

  /**
   * The showing's time on air so far, as one report of its own (keyed by ticket and whole seconds, so a longer time
   * after a reload is a new report, and the same one is never sent twice).
   */
  function queueOnAir(s, onAirMs) {
    if (s.sent && onAirMs >= ON_AIR_MS) {
      queue({ ticket: s.ticket + '#on-air:' + Math.floor(onAirMs / 1000), showing: s.ticket, path: '/on-air',
              onAirMs: Math.round(onAirMs) });
    }
  }

  /** Sends a report and keeps it until the server answers; {@code entry.ticket} is its key. */
  function queue(fields) {
    if (!inObs || pendingGet(fields.ticket) || isDone(fields.ticket)) {
      return;
    }
    fields.createdAt = Date.now();
    fields.attempts = 0;
    fields.nextAt = 0;
    pendingPut(fields);
    send(fields, false, false);
  }

  function send(entry, keepalive, evenIfInFlight) {
    if (!inObs || (inflight[entry.ticket] && !evenIfInFlight)) {
      return;
    }
    if (entry.showing && pendingGet(entry.showing)) {
      return; // the time on air amends a counted showing: it waits until the showing's beacon was answered
    }
    inflight[entry.ticket] = true;
    var request;
    try {
      request = fetch(entry.path || '/beacon', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ticket: entry.showing || entry.ticket, onAirMs: entry.onAirMs }),
        keepalive: keepalive,
        cache: 'no-store',
        credentials: 'same-origin',
        redirect: 'error'
      });
    } catch (e) {
      request = Promise.reject(e);
    }
    request.then(function (response) {
      delete inflight[entry.ticket];
      if (response.ok) {
        settle(entry.ticket);
        retryAllNow(); // the server is answering: the others need not wait out their backoff
      } else if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
        settle(entry.ticket); // 404: unknown or forged ticket; other 4xx: resending the same request cannot help
      } else {
        retryLater(entry.ticket);
      }
    }, function () {
      delete inflight[entry.ticket];
      retryLater(entry.ticket);
    });
  }

  function retryLater(ticket) {
    var entry = pendingGet(ticket);
    if (!entry) {
      return;
    }
    entry.attempts = (entry.attempts || 0) + 1;
    var wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * Math.pow(2, entry.attempts - 1));
    entry.nextAt = Date.now() + Math.round(wait * (0.85 + Math.random() * 0.3));
    pendingPut(entry);
  }

  function retryDue() {
    var now = Date.now();
    pendingAll().forEach(function (entry) {
      if (!(entry.createdAt > now - BEACON_MAX_AGE_MS)) {
        removeItem(PENDING_PREFIX + entry.ticket);
      } else if (!(entry.nextAt > now)) {
        send(entry, false, false);
      }
    });
  }

  function retryAllNow() {
    pendingAll().forEach(function (entry) {
      send(entry, false, false);
    });
  }

  /** The page may be closing: send everything with keepalive, which outlives the page (a normal fetch does not). */
  function flushForExit() {
    pendingAll().forEach(function (entry) {
      send(entry, true, true);
    });
  }

  // ---- OBS state -------------------------------------------------------------------------------------------------

  var obs = { active: null, streaming: null };

  function askStreaming() {
    try {
      if (inObs && typeof window.obsstudio.getStatus === 'function') {
        window.obsstudio.getStatus(function (status) {
          if (status && typeof status.streaming === 'boolean') {
            obs.streaming = status.streaming;
            sync();
          }
        });
      }
    } catch (e) { /* no permission: streaming stays unknown, which does not block counting */ }
  }

  function activeChanged(active) {
    obs.active = active === true;
    askStreaming();
    sync();
  }

  window.addEventListener('obsSourceActiveChanged', function (event) {
    activeChanged(!!(event && event.detail && event.detail.active === true));
  });
  if (inObs && typeof window.obsstudio.onActiveChange !== 'function') {
    try {
      // The legacy callback, for OBS versions from before the events; newer ones call both, which changes nothing.
      window.obsstudio.onActiveChange = function (active) {
        activeChanged(active === true);
      };
    } catch (e) { /* a read-only object: the events are enough */ }
  }
  window.addEventListener('obsStreamingStarted', function () {
    obs.streaming = true;
    sync();
  });
  window.addEventListener('obsStreamingStopped', function () {
    obs.streaming = false;
    sync();
  });

  // ---- the current showing and its on-air time --------------------------------------------------------------------

  var connected = false;
  var showing = null; // {ticket, show, accMs, since, sent, visible, receivedAt}
  var thresholdTimer = 0;

  function onAir() {
    return inObs && obs.active === true && obs.streaming !== false && connected
        && showing !== null && showing.visible;
  }

  function onAirMsOf(s, now) {
    return s.accMs + (s.since === null ? 0 : now - s.since);
  }

  /** Brings the on-air clock of the showing up to date with the state; sends the beacon once a second is reached. */
  function sync() {
    var now = performance.now();
    if (showing) {
      var on = onAir();
      if (on && showing.since === null) {
        showing.since = now;
      } else if (!on && showing.since !== null) {
        showing.accMs += now - showing.since;
        showing.since = null;
      }
      reachThreshold(showing, now);
      saveProgress(showing, now);
    }
    root.setAttribute('data-on-air', String(showing !== null && showing.since !== null));
    clearTimeout(thresholdTimer);
    if (showing && !showing.sent && showing.since !== null) {
      var left = ON_AIR_MS - onAirMsOf(showing, now);
      thresholdTimer = setTimeout(sync, Math.max(0, left) + 10);
    }
  }

  function reachThreshold(s, now) {
    if (s.sent) {
      return;
    }
    var ms = onAirMsOf(s, now);
    if (ms >= ON_AIR_MS) {
      s.sent = true;
      queueBeacon(s.ticket, Math.round(ms));
    }
  }

  /** Kept across a reload (OBS refreshing or rebuilding the source): the same showing resumes with its time. */
  function saveProgress(s, now) {
    writeJson(progressKey, { ticket: s.ticket, onAirMs: Math.round(onAirMsOf(s, now)), sent: s.sent, savedAt: Date.now() });
  }

  function validShow(data) {
    return data !== null && typeof data === 'object' && typeof data.ticket === 'string' && data.ticket.length > 0
        && data.ticket.length < 200 && typeof data.brand === 'string';
  }

  function handleShow(data) {
    if (!validShow(data)) {
      return;
    }
    if (showing && showing.ticket === data.ticket) {
      if (!showing.visible) {
        present(showing); // back after a reconnect: the same showing goes on
      }
      return;
    }
    if (showing) {
      endShowing();
    }
    var saved = readJson(progressKey);
    var resumed = saved && saved.ticket === data.ticket ? saved : null;
    showing = {
      ticket: data.ticket,
      show: data,
      accMs: resumed && resumed.onAirMs > 0 ? Number(resumed.onAirMs) : 0,
      since: null,
      sent: !!(resumed && resumed.sent) || isDone(data.ticket) || pendingGet(data.ticket) !== null,
      visible: false,
      receivedAt: Date.now()
    };
    present(showing);
  }

  function handleHide() {
    if (showing) {
      endShowing();
    }
    hideCard();
  }

  function endShowing() {
    var s = showing;
    s.visible = false;
    sync(); // stops its clock and sends its beacon if the second was reached
    queueOnAir(s, onAirMsOf(s, performance.now()));
    showing = null;
    removeItem(progressKey);
    root.setAttribute('data-on-air', 'false');
    clearTimeout(thresholdTimer);
  }

  // ---- drawing ---------------------------------------------------------------------------------------------------

  var drawSeq = 0;
  var cardShown = false;
  var safetyTimer = 0;
  var qrBase = '';

  function safeMediaUrl(url) {
    if (typeof url !== 'string') {
      return null;
    }
    if (url.charAt(0) === '/' && url.charAt(1) !== '/') {
      return url;
    }
    return /^https:\/\//i.test(url) ? url : null;
  }

  function safeQrUrl(url) {
    return typeof url === 'string' && /^\/qr\/[0-9a-f]{64}\.png$/.test(url) ? url : null;
  }

  var hideSeq = 0;
  var leaving = null;

  /** Lets the card leave; resolves once it is gone. Also cancels a card that was still being drawn. */
  function hideCard() {
    clearTimeout(safetyTimer);
    ++drawSeq;
    if (!cardShown) {
      return leaving || Promise.resolve();
    }
    cardShown = false;
    el.card.classList.remove('is-visible');
    el.card.setAttribute('aria-hidden', 'true');
    root.setAttribute('data-card', 'leaving');
    var seq = ++hideSeq;
    leaving = new Promise(function (resolve) {
      setTimeout(function () {
        if (seq === hideSeq) {
          leaving = null;
          if (!cardShown) {
            clearMedia();
            root.setAttribute('data-card', 'hidden');
          }
        }
        resolve();
      }, LEAVE_MS);
    });
    return leaving;
  }

  function clearMedia() {
    var video = el.media.querySelector('video');
    if (video) {
      try { video.pause(); } catch (e) { /* ignore */ }
      video.removeAttribute('src');
    }
    while (el.media.firstChild) {
      el.media.removeChild(el.media.firstChild);
    }
  }

  /** Draws the showing, after the previous card has left, and starts its on-air clock once it is on screen. */
  function present(s) {
    var before = cardShown ? hideCard() : (leaving || Promise.resolve());
    var seq = ++drawSeq;
    before.then(function () {
      if (seq !== drawSeq || showing !== s || !connected) {
        return null;
      }
      return fill(s.show).then(function () {
        if (seq !== drawSeq || showing !== s || !connected) {
          return;
        }
        layout();
        cardShown = true;
        el.card.classList.add('is-visible');
        el.card.setAttribute('aria-hidden', 'false');
        root.setAttribute('data-card', 'visible');
        s.visible = true;
        sync();
        clearTimeout(safetyTimer);
        var duration = Number(s.show.durationMs);
        if (duration > 0) {
          // Only if the hide never arrives on a connection that silently died.
          safetyTimer = setTimeout(function () {
            if (showing === s) {
              handleHide();
            }
          }, duration + SAFETY_HIDE_GRACE_MS);
        }
      });
    });
  }

  /** Fills the card; resolves when the creative is ready to be seen, or after a short wait if it is slow or broken. */
  function fill(show) {
    clearMedia();
    el.brand.textContent = show.brand;
    el.card.setAttribute('aria-label', 'Sponsored by ' + show.brand);
    var command = typeof show.chatCommand === 'string' ? show.chatCommand.trim() : '';
    if (command) {
      el.command.textContent = command.charAt(0) === '!' ? command : '!' + command;
      el.card.classList.remove('no-command');
    } else {
      el.command.textContent = '';
      el.card.classList.add('no-command');
    }
    qrBase = safeQrUrl(show.qrUrl) || '';
    updateQr();

    var url = safeMediaUrl(show.mediaUrl);
    if (!url) {
      if (typeof show.mediaUrl === 'string' && show.mediaUrl.length > 0) {
        reportCreative(show, show.mediaType === 'video' ? 'video' : 'image', 0, null);
      }
      return Promise.resolve();
    }
    var ready;
    if (show.mediaType === 'video') {
      var video = document.createElement('video');
      video.muted = true;
      video.defaultMuted = true;
      video.autoplay = true;
      video.loop = true;
      video.playsInline = true;
      video.preload = 'auto';
      video.setAttribute('muted', '');
      video.setAttribute('playsinline', '');
      video.setAttribute('aria-hidden', 'true');
      ready = new Promise(function (resolve) {
        video.addEventListener('loadeddata', resolve, { once: true });
        video.addEventListener('error', function () {
          reportCreative(show, 'video', video.error ? video.error.code : 0, url);
          resolve();
        }, { once: true });
      });
      video.src = url;
      el.media.appendChild(video);
      var playing = video.play();
      if (playing && typeof playing.catch === 'function') {
        playing.catch(function () { /* autoplay refused: the first frame still shows */ });
      }
    } else {
      var img = document.createElement('img');
      img.alt = typeof show.campaign === 'string' ? show.campaign : show.brand;
      img.decoding = 'async';
      ready = new Promise(function (resolve) {
        img.addEventListener('load', resolve, { once: true });
        img.addEventListener('error', function () {
          reportCreative(show, 'image', 0, url);
          resolve();
        }, { once: true });
      });
      img.src = url;
      el.media.appendChild(img);
    }
    return Promise.race([ready, new Promise(function (resolve) { setTimeout(resolve, MEDIA_WAIT_MS); })]);
  }

  // ---- creatives OBS could not show ------------------------------------------------------------------------------

  var reported = {};

  /**
   * Tells the server that a creative would not show (it tells the streamer), once per creative per page load. The
   * card still shows the brand, the QR code and the command, and the showing counts as any other. A preview does not
   * report: its browser is not the one OBS has.
   */
  function reportCreative(show, media, mediaError, url) {
    var id = show.brand + '\n' + show.mediaUrl;
    if (!inObs || reported[id]) {
      return;
    }
    reported[id] = true;
    statusOf(url).then(function (httpStatus) {
      return fetch('/creative-problem', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ ticket: show.ticket, media: media, mediaError: mediaError, httpStatus: httpStatus,
          blocked: url === null }),
        cache: 'no-store',
        credentials: 'same-origin',
        redirect: 'error'
      });
    }).catch(function () { /* the server is away: the next page load reports it again */ });
  }

  /** The creative address's HTTP status: only a creative on this server lets the page read it; 0 when unknown. */
  function statusOf(url) {
    if (url === null || url.charAt(0) !== '/') {
      return Promise.resolve(0);
    }
    return fetch(url, { method: 'HEAD', cache: 'no-store', credentials: 'same-origin' })
      .then(function (response) { return response.status; }, function () { return 0; });
  }

  // ---- layout: the card keeps its share of a 1920x1080 canvas, and stays readable in a small source ---------------

  var scale = 1;

  function layout() {
    var width = window.innerWidth || STAGE_WIDTH;
    var height = window.innerHeight || STAGE_HEIGHT;
    var cardHeight = el.card.offsetHeight || 540;
    var canvasScale = Math.min(width / STAGE_WIDTH, height / STAGE_HEIGHT);
    var margin = CARD_MARGIN * Math.max(canvasScale, MIN_SCALE);
    var fits = Math.min((width - 2 * margin) / CARD_WIDTH, (height - 2 * margin) / cardHeight);
    var next = Math.max(0.1, Math.min(fits, Math.max(canvasScale, MIN_SCALE)));
    if (Math.abs(next - scale) > 0.0005 || root.style.getPropertyValue('--scale') === '') {
      scale = next;
      root.style.setProperty('--scale', next.toFixed(4));
    }
    updateQr();
  }

  /**
   * Asks the server for the code a few times larger than it is drawn. The server fits whole pixels per module and pads
   * the rest with white, so an image of exactly the drawn size could leave the code a lot smaller than its tile.
   */
  function updateQr() {
    if (!qrBase) {
      el.qr.removeAttribute('src');
      return;
    }
    var pixels = Math.round(QR_CSS_PX * scale * (window.devicePixelRatio || 1) * QR_OVERSAMPLE / 64) * 64;
    pixels = Math.max(256, Math.min(2048, pixels));
    var src = qrBase + '?size=' + pixels;
    if (el.qr.getAttribute('src') !== src) {
      el.qr.setAttribute('src', src);
    }
  }

  var resizeTimer = 0;
  window.addEventListener('resize', function () {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(layout, 50);
  });

  // ---- countdown before a showing -------------------------------------------------------------------------------

  var COUNTDOWN_REDRAW_MS = 200;
  var countdownEndsAt = null;
  var countdownTimer = null;

  function handleCountdown(data) {
    var inMs = data !== null && typeof data === 'object' && typeof data.inMs === 'number' && isFinite(data.inMs)
        ? data.inMs : 0;
    if (inMs <= 0) {
      endCountdown();
      return;
    }
    countdownEndsAt = performance.now() + inMs;
    if (countdownTimer === null) {
      countdownTimer = setInterval(drawCountdown, COUNTDOWN_REDRAW_MS);
    }
    drawCountdown();
  }

  function drawCountdown() {
    var left = countdownEndsAt - performance.now();
    if (left <= 0) {
      endCountdown(); // the showing is due: the card takes over
      return;
    }
    el.countdownSeconds.textContent = String(Math.ceil(left / 1000));
    el.countdown.classList.add('is-shown');
    root.setAttribute('data-countdown', 'shown');
  }

  function endCountdown() {
    if (countdownTimer !== null) {
      clearInterval(countdownTimer);
      countdownTimer = null;
    }
    countdownEndsAt = null;
    el.countdown.classList.remove('is-shown');
    root.setAttribute('data-countdown', 'hidden');
  }

  // ---- connection ------------------------------------------------------------------------------------------------

  var source = null;

  function parse(text) {
    try { return JSON.parse(text); } catch (e) { return null; }
  }

  function connect() {
    source = new EventSource('/events/' + encodeURIComponent(key));
    source.addEventListener('open', function () {
      connected = true;
      root.setAttribute('data-connected', 'true');
      sync();
      retryAllNow();
    });
    source.addEventListener('show', function (event) {
      endCountdown();
      handleShow(parse(event.data));
    });
    source.addEventListener('countdown', function (event) {
      handleCountdown(parse(event.data));
    });
    source.addEventListener('countdown-end', function () {
      endCountdown();
    });
    source.addEventListener('hide', function () {
      handleHide();
    });
    source.addEventListener('error', function () {
      // Nothing on stream while disconnected, and no error text either. EventSource reconnects by itself; only when
      // it gave up (an HTTP error instead of a stream) does the page open a new one.
      connected = false;
      root.setAttribute('data-connected', 'false');
      if (showing) {
        showing.visible = false;
      }
      sync();
      hideCard();
      endCountdown(); // a page that reconnects is sent the countdown again if it still runs
      if (source.readyState === EventSource.CLOSED) {
        source.close();
        setTimeout(connect, REOPEN_MS);
      }
    });
  }

  // ---- page lifecycle --------------------------------------------------------------------------------------------

  window.addEventListener('pagehide', function () {
    sync();
    if (showing) {
      queueOnAir(showing, onAirMsOf(showing, performance.now()));
    }
    flushForExit();
  });
  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'hidden') {
      sync();
      if (showing) {
        queueOnAir(showing, onAirMsOf(showing, performance.now()));
      }
      pendingAll().forEach(function (entry) {
        send(entry, true, false);
      });
    }
  });

  // ---- start -----------------------------------------------------------------------------------------------------

  var position = new URLSearchParams(location.search).get('position');
  if (position === 'bottom-left') {
    root.classList.add('position-bottom-left');
  }
  root.setAttribute('data-mode', inObs ? 'obs' : 'preview');
  if (!inObs) {
    el.badge.classList.add('is-shown');
  }
  layout();
  if (!/^[0-9a-f]{64}$/.test(key)) {
    return;
  }
  if (inObs) {
    askStreaming();
    retryAllNow(); // beacons a previous page left unacknowledged
    setInterval(retryDue, RETRY_CHECK_MS);
    setInterval(sync, 1000); // timers can be late in a throttled page; this keeps the clock checked anyway
  }
  connect();
})();
