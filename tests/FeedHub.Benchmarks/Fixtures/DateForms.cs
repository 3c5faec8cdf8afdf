namespace FeedHub.Benchmarks.Fixtures;

/// <summary>
/// Every date spelling the parser must read, each with the instant it means. Most mean 2026-01-19 06:35 UTC
/// (13:35 in Vietnam); zone-less forms are read in the fixture's zone.
/// </summary>
internal static class DateForms
{
    public const string Truth = "2026-01-19T06:35:00Z";
    public const string Vietnam = "Asia/Ho_Chi_Minh";

    /// <param name="Slug">The fixture name part.</param>
    /// <param name="Text">The date as the feed writes it.</param>
    /// <param name="Expected">The UTC instant in the parse output, or null when the date must be dropped.</param>
    /// <param name="Zone">The source's zone for dates without one.</param>
    /// <param name="Iso">Whether Atom and JSON Feed fixtures use it too (their dates are RFC 3339 in spirit).</param>
    internal sealed record DateForm(string Slug, string Text, string? Expected, string Zone = "UTC", bool Iso = false);

    public static readonly DateForm[] All =
    [
        new("rfc822-offset", "Mon, 19 Jan 2026 13:35:00 +0700", Truth),
        new("rfc822-gmt", "Mon, 19 Jan 2026 06:35:00 GMT", Truth, Iso: true),
        new("rfc822-ut", "Mon, 19 Jan 2026 06:35:00 UT", Truth),
        new("rfc822-utc", "Mon, 19 Jan 2026 06:35:00 UTC", Truth),
        new("rfc822-z", "Mon, 19 Jan 2026 06:35:00 Z", Truth),
        new("rfc822-no-weekday", "19 Jan 2026 13:35:00 +0700", Truth),
        new("rfc822-wrong-weekday", "Fri, 19 Jan 2026 13:35:00 +0700", Truth),
        new("rfc822-two-digit-year", "Mon, 19 Jan 26 13:35:00 +0700", Truth),
        new("rfc822-no-seconds", "Mon, 19 Jan 2026 13:35 +0700", Truth),
        new("rfc822-one-digit-day", "Fri, 9 Jan 2026 13:35:00 +0700", "2026-01-09T06:35:00Z"),
        new("rfc822-est", "Mon, 19 Jan 2026 01:35:00 EST", Truth),
        new("rfc822-edt", "Mon, 19 Jan 2026 02:35:00 EDT", Truth),
        new("rfc822-cst-us-central", "Mon, 19 Jan 2026 00:35:00 CST", Truth),
        new("rfc822-pst", "Sun, 18 Jan 2026 22:35:00 PST", Truth),
        new("rfc822-cet", "Mon, 19 Jan 2026 07:35:00 CET", Truth),
        new("rfc822-ict", "Mon, 19 Jan 2026 13:35:00 ICT", Truth),
        new("rfc822-military-g", "Mon, 19 Jan 2026 13:35:00 G", Truth),
        new("rfc822-military-n", "Mon, 19 Jan 2026 05:35:00 N", Truth),
        new("rfc822-gmt-plus-7", "Mon, 19 Jan 2026 13:35:00 GMT+7", Truth, Iso: true),
        new("rfc822-utc-plus-0700-colon", "Mon, 19 Jan 2026 13:35:00 UTC+07:00", Truth),
        new("rfc822-colon-offset", "Mon, 19 Jan 2026 13:35:00 +07:00", Truth),
        new("rfc822-zone-comment", "Mon, 19 Jan 2026 13:35:00 +0700 (ICT)", Truth),
        new("rfc822-uppercase", "MON, 19 JAN 2026 13:35:00 +0700", Truth),
        new("rfc822-lowercase", "mon, 19 jan 2026 13:35:00 +0700", Truth),
        new("rfc822-full-names", "Monday, 19 January 2026 13:35:00 +0700", Truth),
        new("rfc822-no-space-after-comma", "Mon,19 Jan 2026 13:35:00 +0700", Truth),
        new("rfc822-dashes", "19-Jan-2026 13:35:00 +0700", Truth),
        new("rfc822-no-zone-vietnam", "Mon, 19 Jan 2026 13:35:00", Truth, Vietnam),
        new("rfc822-no-zone-utc", "Mon, 19 Jan 2026 06:35:00", Truth),
        new("iso-utc", "2026-01-19T06:35:00Z", Truth, Iso: true),
        new("iso-offset", "2026-01-19T13:35:00+07:00", Truth, Iso: true),
        new("iso-fraction", "2026-01-19T13:35:00.250+07:00", "2026-01-19T06:35:00.25Z", Iso: true),
        new("iso-seven-digit-fraction", "2026-01-19T06:35:00.1234567Z", "2026-01-19T06:35:00.1234567Z", Iso: true),
        new("iso-no-seconds", "2026-01-19T13:35+07:00", Truth, Iso: true),
        new("iso-space", "2026-01-19 13:35:00+07:00", Truth, Iso: true),
        new("iso-offset-no-colon", "2026-01-19T13:35:00+0700", Truth, Iso: true),
        new("iso-lowercase-t", "2026-01-19t06:35:00z", Truth, Iso: true),
        new("iso-no-zone-vietnam", "2026-01-19T13:35:00", Truth, Vietnam, Iso: true),
        new("iso-date-only-vietnam", "2026-01-19", "2026-01-18T17:00:00Z", Vietnam, Iso: true),
        new("unix-seconds", "1768804500", Truth, Iso: true),
        new("unix-milliseconds", "1768804500000", Truth),
        new("vn-date-time", "19/01/2026 13:35", Truth, Vietnam, Iso: true),
        new("vn-date-time-seconds", "19/01/2026 13:35:00", Truth, Vietnam),
        new("vn-time-date", "13:35 19/01/2026", Truth, Vietnam),
        new("vn-time-bar-date", "13:35 | 19/01/2026", Truth, Vietnam, Iso: true),
        new("vn-weekday", "Thứ hai, 19/01/2026 - 13:35", Truth, Vietnam),
        new("vn-weekday-capital-gmt7", "Thứ Hai, 19/01/2026 - 13:35 (GMT+7)", Truth),
        new("vn-sunday", "Chủ nhật, 18/01/2026 - 13:35", "2026-01-18T06:35:00Z", Vietnam),
        new("vn-saturday-numeric-weekday", "Thứ 7, 17/01/2026 - 13:35", "2026-01-17T06:35:00Z", Vietnam),
        new("vn-single-digits", "thứ hai, 5/1/2026 - 13:35", "2026-01-05T06:35:00Z", Vietnam),
        new("vn-ambiguous-day-first", "05/01/2026 13:35", "2026-01-05T06:35:00Z", Vietnam),
        new("vn-gmt7-suffix", "19/01/2026 13:35 (GMT+7)", Truth),
        new("vn-impossible-day-first-never-swapped", "01/19/2026 13:35", null, Vietnam),
        new("us-month-first-when-day-first-impossible", "01/19/2026 06:35", Truth),
        new("month-name-first", "January 19, 2026 13:35 +0700", Truth),
        new("month-name-first-abbreviated", "Jan 19 2026 13:35:00 GMT+0700 (Indochina Time)", Truth),
        new("unreadable", "không rõ ngày", null, Iso: true),
        new("impossible-iso", "2026-13-45T00:00:00Z", null),
        new("future-clamped", "Mon, 19 Jan 2037 13:35:00 +0700", "2026-01-20T00:00:00Z", Iso: true),
        new("empty", " ", null),
    ];
}
