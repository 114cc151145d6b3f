const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];

export function bytes(n: number): string {
  let v = n;
  let i = 0;
  while (v >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(i === 0 ? 0 : v < 10 ? 2 : 1)} ${UNITS[i]}`;
}

export function rate(n: number): string {
  return `${bytes(n)}/s`;
}

export function percent(p: number): string {
  return `${(p * 100).toFixed(p >= 1 || p === 0 ? 0 : 1)} %`;
}

export function ratio(r: number): string {
  return r.toFixed(2);
}

export function peers(n: number): string {
  return n < 0 ? '–' : String(n);
}

const STATUS: Record<string, string> = {
  seeding: 'Seeding',
  downloading: 'Downloading',
  paused: 'Paused',
  stopped: 'Stopped',
  error: 'Error',
};

export function status(s: string): string {
  return STATUS[s] ?? s;
}
