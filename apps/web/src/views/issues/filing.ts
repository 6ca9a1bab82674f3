import type { FileIssueBody, IssueKind, IssueSource, Severity } from '@/api/types';

/** The filing form as the user fills it; `toBody` makes the API's body of it. */
export interface FilingForm {
  kind: IssueKind;
  category: string;
  regionCode: string;
  severity: Severity | '';
  source: IssueSource | '';
  title: string;
  description: string;
  location: { township: string; village: string; lat: number | null; lng: number | null };
}

export function emptyFiling(): FilingForm {
  return {
    kind: 'supervision',
    category: '',
    regionCode: '',
    severity: 'general',
    source: '',
    title: '',
    description: '',
    location: { township: '', village: '', lat: null, lng: null },
  };
}

/** A proposal's method is 提案 unless the user chose another. */
export function sourceForKind(kind: IssueKind, source: FilingForm['source']): FilingForm['source'] {
  if (kind === 'proposal' && !source) return 'proposal';
  if (kind === 'supervision' && source === 'proposal') return '';
  return source;
}

/** The body of POST /issues: text trimmed, empty location fields left out (an empty location is none). */
export function toBody(form: FilingForm, evidence: FileIssueBody['evidence'] = []): FileIssueBody {
  const location: NonNullable<FileIssueBody['location']> = {};
  const township = form.location.township.trim();
  const village = form.location.village.trim();
  if (township) location.township = township;
  if (village) location.village = village;
  if (typeof form.location.lat === 'number') location.lat = form.location.lat;
  if (typeof form.location.lng === 'number') location.lng = form.location.lng;
  return {
    kind: form.kind,
    title: form.title.trim(),
    description: form.description.trim(),
    category: form.category,
    regionCode: form.regionCode,
    severity: form.severity as Severity,
    source: form.source as IssueSource,
    ...(Object.keys(location).length ? { location } : {}),
    ...(evidence && evidence.length ? { evidence } : {}),
  };
}

/**
 * A fresh Idempotency-Key for one filing. crypto.randomUUID needs a secure context; a supervisor on the
 * office's plain-HTTP address still gets a random key from getRandomValues.
 */
export function newIdempotencyKey(
  cryptoApi: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>> = crypto,
): string {
  if (typeof cryptoApi.randomUUID === 'function') return cryptoApi.randomUUID();
  const bytes = cryptoApi.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Six decimals: about ten centimetres, more than a phone knows. */
export const roundCoordinate = (value: number) => Math.round(value * 1e6) / 1e6;

export interface Position {
  lat: number;
  lng: number;
  /** Metres, as the phone reports it. */
  accuracy: number;
}

/** Why no position: GeolocationPositionError codes (1 denied, 2 unavailable, 3 timeout), or no API at all. */
export type LocateProblem = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export function locateProblem(code: number | null): LocateProblem {
  if (code === 1) return 'denied';
  if (code === 3) return 'timeout';
  if (code === null) return 'unsupported';
  return 'unavailable';
}

/** The phone's position, once; rejects with a LocateProblem. */
export function locate(geolocation: Geolocation | undefined, timeoutMs = 15_000): Promise<Position> {
  return new Promise((resolve, reject) => {
    if (!geolocation) {
      reject(locateProblem(null));
      return;
    }
    geolocation.getCurrentPosition(
      (position) =>
        resolve({
          lat: roundCoordinate(position.coords.latitude),
          lng: roundCoordinate(position.coords.longitude),
          accuracy: Math.round(position.coords.accuracy),
        }),
      (error) => reject(locateProblem(error.code)),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
