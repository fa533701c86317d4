using System.Globalization;

namespace HosVessel.Web.Backups;

/// <summary>When the next nightly backup is due, in the configured zone's wall-clock time.</summary>
public sealed record BackupSchedule(TimeOnly TimeOfDay, TimeZoneInfo Zone)
{
    public static BackupSchedule From(BackupOptions options)
    {
        if (!TimeOnly.TryParseExact(options.Time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new InvalidOperationException($"Backup:Time '{options.Time}' is not a time of day like 03:00.");
        }
        return new BackupSchedule(time, TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone));
    }

    /// <summary>The first moment strictly after <paramref name="now"/> whose local time is <see cref="TimeOfDay"/>.</summary>
    public DateTimeOffset NextAfter(DateTimeOffset now)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, Zone);
        for (var day = DateOnly.FromDateTime(localNow.DateTime); ; day = day.AddDays(1))
        {
            var local = day.ToDateTime(TimeOfDay);
            // A time skipped by a DST jump does not happen that day; Korea has no DST, other zones might.
            if (Zone.IsInvalidTime(local))
            {
                continue;
            }
            var candidate = new DateTimeOffset(local, Zone.GetUtcOffset(local));
            if (candidate > now)
            {
                return candidate;
            }
        }
    }
}
