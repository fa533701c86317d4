using System.Globalization;

namespace HosVessel.Web;

/// <summary>Times are stored in UTC and shown to the team, and named in files, in KST.</summary>
public static class KoreanTime
{
    // Korea has no daylight saving, so a fixed offset is a safe fallback where tzdata is missing.
    public static TimeZoneInfo Zone { get; } = TryFind("Asia/Seoul")
        ?? TimeZoneInfo.CreateCustomTimeZone("KST", TimeSpan.FromHours(9), "KST", "KST");

    /// <summary>The same moment on the Korean wall clock.</summary>
    public static DateTimeOffset From(DateTimeOffset time) => TimeZoneInfo.ConvertTime(time, Zone);

    /// <summary>Now in Korea, by the app's clock (never <c>DateTime.Now</c>: the server's zone is UTC in the container).</summary>
    public static DateTimeOffset Now(TimeProvider clock) => From(clock.GetUtcNow());

    public static string Format(DateTimeOffset time) =>
        From(time).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " KST";

    /// <summary>Formats a stored ISO-8601 timestamp; anything unparseable is shown as stored.</summary>
    public static string Format(string? stored) =>
        DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? Format(time)
            : stored ?? "";

    private static TimeZoneInfo? TryFind(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
    }
}
