using System.Text.RegularExpressions;

namespace HosVessel.Web.Voyages;

/// <summary>
/// The form of a vessel name used to match the feed to the register: the feed and the register
/// spell the same ship differently (case, spacing, the fleet's <c>H/</c> shorthand for HYUNDAI).
/// </summary>
public static partial class VesselNameKey
{
    public static string Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var key = Whitespace().Replace(name.Trim().ToUpperInvariant(), " ");
        if (key.StartsWith("H/", StringComparison.Ordinal))
        {
            key = ("HYUNDAI " + key[2..].TrimStart()).TrimEnd();
        }
        return key;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
