import { IANAZone, Zone, ZoneOffsetFormat, ZoneOffsetOptions } from 'luxon';

/** Every UTC offset in use since 1980 is a whole number of quarter hours, and so is every transition instant. */
const QUARTER_HOUR = 15 * 60_000;
const MAX_ENTRIES = 50_000;

/**
 * An IANA zone whose offsets are remembered per quarter hour. luxon asks `Intl.DateTimeFormat` for the
 * offset on every conversion (formatToParts: ≈ 40 % of the CPU time of expanding a region's meetings);
 * offsets only change at transitions, which fall on quarter hours, so one answer holds for the whole
 * quarter hour it was asked in.
 */
export class CachedZone extends Zone {
  private readonly offsets = new Map<number, number>();

  constructor(private readonly zone: IANAZone) {
    super();
  }

  override get type(): string {
    return this.zone.type;
  }
  override get name(): string {
    return this.zone.name;
  }
  override get isUniversal(): boolean {
    return false;
  }
  override get isValid(): boolean {
    return this.zone.isValid;
  }
  override offsetName(ts: number, options: ZoneOffsetOptions): string | null {
    return this.zone.offsetName(ts, options);
  }
  override formatOffset(ts: number, format: ZoneOffsetFormat): string {
    return this.zone.formatOffset(ts, format);
  }
  override equals(other: Zone): boolean {
    return other instanceof CachedZone ? other.name === this.name : this.zone.equals(other);
  }
  override offset(ts: number): number {
    const bucket = Math.floor(ts / QUARTER_HOUR);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.zone.offset(ts);
      if (this.offsets.size >= MAX_ENTRIES) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }
}

const zones = new Map<string, CachedZone | null>();

/** The cached zone for an IANA name, or null for a name that is not a zone. */
export function cachedZone(name: string): CachedZone | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    const iana = IANAZone.create(name);
    zone = iana.isValid ? new CachedZone(iana) : null;
    if (zones.size < 1000) zones.set(name, zone);
  }
  return zone;
}
