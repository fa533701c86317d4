using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HosVessel.Web.Fleet;

/// <summary>
/// Reads the feed's free-text values the panels reason about: ETAs ("2026-03-21 04:00"), dates, and crew
/// entries ("이상필 (2026-02-05)", the day they boarded). Anything else yields null and the ship is left out.
/// </summary>
public static partial class FeedValues
{
    private static readonly string[] DateTimeFormats =
        ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd", "yyyy/MM/dd HH:mm", "yyyy/MM/dd"];

    /// <summary>
    /// The ETA as a KST wall-clock time. n8n sends times without an offset, which the team reads as KST; a time
    /// with an offset is converted.
    /// </summary>
    public static DateTime? KstTime(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // The feed repeats the same few hundred times on every page; parsing them was a tenth of the home page's CPU.
        if (Parsed.TryGetValue(value, out var known))
        {
            return known;
        }
        var parsed = ParseKstTime(value.Trim());
        // ConcurrentDictionary.Count takes every lock; a counter of its own keeps the bound cheap.
        if (Interlocked.Increment(ref parsedCount) > MaxParsed)
        {
            Parsed.Clear();
            Interlocked.Exchange(ref parsedCount, 0);
        }
        Parsed[value] = parsed;
        return parsed;
    }

    private const int MaxParsed = 10_000;

    private static readonly ConcurrentDictionary<string, DateTime?> Parsed = new(StringComparer.Ordinal);

    private static int parsedCount;

    private static DateTime? ParseKstTime(string text)
    {
        if (DateTime.TryParseExact(text, DateTimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local;
        }
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
            ? KoreanTime.From(withOffset).DateTime
            : null;
    }

    public static DateOnly? Date(string? value) => KstTime(value) is { } time ? DateOnly.FromDateTime(time) : null;

    /// <summary>"이름 (YYYY-MM-DD)": the person and the day they joined the ship.</summary>
    public static (string Name, DateOnly Since)? CrewMember(string? value)
    {
        if (value is null || CrewPattern().Match(value) is not { Success: true } match
            || !DateOnly.TryParseExact(match.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since))
        {
            return null;
        }
        return (match.Groups[1].Value.Trim(), since);
    }

    /// <summary>The ISO country of a UN/LOCODE port ("GBFXT(GBR)" → "GB"), or null when the port is not one.</summary>
    public static string? PortCountry(string? port) =>
        port is not null && LocodePattern().Match(port) is { Success: true } match ? match.Groups[1].Value.ToUpperInvariant() : null;

    [GeneratedRegex(@"^\s*(.+?)\s*\(\s*(\d{4}-\d{2}-\d{2})\s*\)\s*$")]
    private static partial Regex CrewPattern();

    // Five characters: the country, then three letters or digits 2-9 (UN/LOCODE), optionally followed by a terminal.
    [GeneratedRegex(@"^\s*([A-Za-z]{2})[A-Za-z2-9]{3}(?![A-Za-z0-9])")]
    private static partial Regex LocodePattern();
}
