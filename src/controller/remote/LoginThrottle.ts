import GLib from 'gi://GLib';

/** How hard repeated failures are slowed and refused. */
export interface ThrottlePolicy {
  /** Failures from one address before its answers are slowed. */
  freeFailures: number;
  /** Failures from one address before it is refused outright for `lockoutS`. */
  lockoutAfter: number;
  lockoutS: number;
  /** The first delay; each further failure doubles it, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_THROTTLE: ThrottlePolicy = {
  freeFailures: 3,
  lockoutAfter: 10,
  lockoutS: 15 * 60,
  firstDelayMs: 500,
  maxDelayMs: 8000,
};
/** A quiet address is forgotten after this long. */
const FORGET_S = 60 * 60;
/** Logins being checked at once (each runs a slow hash); more get 429. */
const MAX_PENDING = 4;

interface Record {
  failures: number;
  lockedUntil: number;
  lastSeen: number;
}

export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterS: number };

/**
 * Repeated failed logins from one address: the first few are answered at once, then each answer
 * is delayed twice as long as the last (0.5 s, 1 s, 2 s … up to 8 s), and after ten the address
 * is refused for 15 minutes (429 with Retry-After). A success clears the address.
 */
export class LoginThrottle {
  readonly #records = new Map<string, Record>();
  readonly #policy: ThrottlePolicy;
  readonly #now: () => number;
  #pending = 0;

  constructor(policy: ThrottlePolicy = DEFAULT_THROTTLE, now: () => number = () => GLib.get_monotonic_time() / 1e6) {
    this.#policy = policy;
    this.#now = now;
  }

  /** Whether a login from `address` may be checked now, and how long to hold the answer. */
  check(address: string): ThrottleVerdict {
    const now = this.#now();
    this.#forgetOld(now);
    const r = this.#records.get(address);
    if (r && r.lockedUntil > now) return { allowed: false, retryAfterS: Math.ceil(r.lockedUntil - now) };
    if (this.#pending >= MAX_PENDING) return { allowed: false, retryAfterS: 1 };
    const p = this.#policy;
    const over = (r?.failures ?? 0) - p.freeFailures;
    return { allowed: true, delayMs: over < 0 ? 0 : Math.min(p.maxDelayMs, p.firstDelayMs * 2 ** over) };
  }

  begin(): void {
    this.#pending++;
  }

  end(): void {
    this.#pending = Math.max(0, this.#pending - 1);
  }

  failed(address: string): void {
    const now = this.#now();
    const r = this.#records.get(address) ?? { failures: 0, lockedUntil: 0, lastSeen: now };
    r.failures++;
    r.lastSeen = now;
    if (r.failures >= this.#policy.lockoutAfter) {
      r.lockedUntil = now + this.#policy.lockoutS;
      r.failures = 0;
    }
    this.#records.set(address, r);
  }

  succeeded(address: string): void {
    this.#records.delete(address);
  }

  #forgetOld(now: number): void {
    if (this.#records.size < 1000) return;
    for (const [k, r] of this.#records) if (now - r.lastSeen > FORGET_S && r.lockedUntil < now) this.#records.delete(k);
  }
}
