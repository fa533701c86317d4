using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace HosVessel.Web.Fleet;

/// <summary>A port-state-control regime: the countries whose ports inspect under it, and the names the feed gives it.</summary>
public sealed record PscRegime(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("aliases")] IReadOnlyList<string> Aliases,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("note")] string? Note,
    [property: JsonPropertyName("members")] IReadOnlyList<string> Members)
{
    /// <summary>True when a <c>psc_inspection.mou_N</c> value names this regime ("paris", "Paris MoU", ...).</summary>
    public bool IsNamed(string? mou) => mou is not null && PscRegimes.NameKey(mou) is { Length: > 0 } key
        && Aliases.Any(alias => PscRegimes.NameKey(alias) == key);
}

/// <summary>The regimes of <c>psc-regimes.json</c> (shipped with the app, with its sources), looked up by country.</summary>
public static partial class PscRegimes
{
    private sealed record File([property: JsonPropertyName("taken")] string Taken, [property: JsonPropertyName("regimes")] List<PscRegime> Regimes);

    private static readonly File Data = Load();

    public static IReadOnlyList<PscRegime> All => Data.Regimes;

    /// <summary>The day the member lists were taken from their sources.</summary>
    public static string Taken => Data.Taken;

    private static readonly Dictionary<string, PscRegime[]> ByCountry = Data.Regimes
        .SelectMany(r => r.Members.Select(country => (country, r)))
        .GroupBy(x => x.country, StringComparer.OrdinalIgnoreCase)
        .ToDictionary(g => g.Key, g => g.Select(x => x.r).ToArray(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Every regime whose members include <paramref name="country"/> (Canada is in two), or none.</summary>
    public static IReadOnlyList<PscRegime> ForCountry(string? country) =>
        country is not null && ByCountry.TryGetValue(country, out var regimes) ? regimes : [];

    // Letters only, upper-case, without a trailing "MOU": "Paris MoU", "PARIS" and "paris-mou" are one name.
    internal static string NameKey(string name)
    {
        var letters = NonLetters().Replace(name.ToUpperInvariant(), "");
        return letters.Length > 3 && letters.EndsWith("MOU", StringComparison.Ordinal) ? letters[..^3] : letters;
    }

    private static File Load()
    {
        using var stream = typeof(PscRegimes).Assembly.GetManifestResourceStream("HosVessel.Web.Fleet.psc-regimes.json")
            ?? throw new InvalidOperationException("psc-regimes.json is not embedded in the app");
        return JsonSerializer.Deserialize<File>(stream) ?? throw new InvalidOperationException("psc-regimes.json is empty");
    }

    [GeneratedRegex("[^A-Z]")]
    private static partial Regex NonLetters();
}
