// The live event stream `/events` (authenticated by the HttpOnly UP_SESSION cookie).

const MAX_DELAY = 30000;

/**
 * Calls `onModules(data)` for every `modules` event and `onOpen()` whenever the stream (re)opens,
 * so the caller can re-fetch what it may have missed. `onStatus(state)` gets
 * `connecting` | `open` | `offline` | `closed`; `onLost()` is called when the browser gave up
 * (e.g. the server answered 401 or 404) before a new attempt is scheduled.
 */
export class LiveEvents {
  constructor({ onModules, onOpen, onStatus = () => {}, onLost = () => {} }) {
    this.handlers = { onModules, onOpen, onStatus, onLost };
    this.source = null;
    this.timer = null;
    this.delay = 1000;
    this.running = false;
  }

  start() {
    this.stop();
    this.running = true;
    this.delay = 1000;
    this.connect();
  }

  stop() {
    const wasRunning = this.running;
    this.running = false;
    clearTimeout(this.timer);
    this.timer = null;
    if (this.source) {
      this.source.close();
      this.source = null;
    }
    if (wasRunning) this.handlers.onStatus('closed');
  }

  connect() {
    const source = new EventSource('/events');
    this.source = source;
    this.handlers.onStatus('connecting');
    source.addEventListener('open', () => {
      if (source !== this.source) return;
      this.delay = 1000;
      this.handlers.onStatus('open');
      this.handlers.onOpen();
    });
    source.addEventListener('modules', (event) => {
      if (source !== this.source) return;
      let data = null;
      try {
        data = JSON.parse(event.data);
      } catch {
        data = null;
      }
      this.handlers.onModules(data);
    });
    source.addEventListener('error', () => {
      if (source !== this.source || !this.running) return;
      if (source.readyState === EventSource.CLOSED) {
        // The browser does not retry after a failed (non event-stream) answer: we do, with backoff.
        this.source = null;
        this.handlers.onStatus('offline');
        this.handlers.onLost();
        this.timer = setTimeout(() => {
          if (this.running) this.connect();
        }, this.delay);
        this.delay = Math.min(this.delay * 2, MAX_DELAY);
      } else {
        this.handlers.onStatus('connecting');   // the browser reconnects by itself
      }
    });
  }
}
