/** Port: a centre's IANA time zone (its "today"), or undefined when there is no such centre. */
export abstract class CentreZones {
  abstract timeZoneOf(centreId: string): Promise<string | undefined>;
}
