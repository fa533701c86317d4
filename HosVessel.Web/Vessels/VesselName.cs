using System.Text.RegularExpressions;

namespace HosVessel.Web.Vessels;

/// <summary>
/// The one rule that turns a vessel name into its key. The register stores it as <c>vessels.name_key</c>
/// and the voyage feed as <c>voyages.vessel_key</c>; the two join on it, so both must call this.
/// Every search box (register, voyages, home) turns what was typed into keys with <see cref="SearchKeys"/>.
/// </summary>
public static partial class VesselName
{
    public const int MaxLength = 100;

    // Words people type for a word of the fleet's names: staff search in Korean for ships named in English.
    private static readonly (string Typed, string Key)[] Aliases = [("현대", "HYUNDAI")];

    /// <summary>Upper-case, runs of whitespace collapsed to one space, trimmed, a leading <c>H/</c> written <c>HYUNDAI </c>.</summary>
    public static string Normalise(string? name)
    {
        var key = Collapse(name);
        // The fleet writes "H/ AMBITION" and "HYUNDAI AMBITION" for the same ship.
        if (key.StartsWith("H/", StringComparison.Ordinal))
        {
            key = ("HYUNDAI " + key[2..].TrimStart()).TrimEnd();
        }
        return key;
    }

    /// <summary>
    /// What a typed search term can mean, each in the key's form, to be found anywhere in a key: the term normalised
    /// (so "h/eco" looks for <c>HYUNDAI ECO</c>), as typed (a <c>H/</c> inside a name stays), and with Korean aliases
    /// ("현대 ecopia" looks for <c>HYUNDAI ECOPIA</c>; "현대" alone still finds a name written in Korean). Empty for a blank term.
    /// </summary>
    public static IReadOnlyList<string> SearchKeys(string? term)
    {
        var typed = Collapse(term);
        if (typed.Length == 0)
        {
            return [];
        }
        var keys = new List<string> { Normalise(typed), typed };
        var aliased = $" {typed} ";
        foreach (var (word, key) in Aliases)
        {
            aliased = aliased.Replace($" {word} ", $" {key} ", StringComparison.Ordinal);
            // "현대에코피아": the alias glued to the next word.
            if (aliased.StartsWith($" {word}", StringComparison.Ordinal))
            {
                aliased = $" {key} {aliased[(word.Length + 1)..].TrimStart()}";
            }
        }
        keys.Add(Normalise(aliased));
        return [.. keys.Where(k => k.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>True when <paramref name="key"/> (a normalised name) holds any of <paramref name="searchKeys"/>.</summary>
    public static bool Contains(string key, IReadOnlyList<string> searchKeys) =>
        searchKeys.Any(searchKey => key.Contains(searchKey, StringComparison.Ordinal));

    private static string Collapse(string? text) =>
        string.IsNullOrWhiteSpace(text) ? "" : Whitespace().Replace(text.Trim(), " ").ToUpperInvariant();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
