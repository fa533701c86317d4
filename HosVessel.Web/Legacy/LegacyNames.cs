using System.Text.RegularExpressions;

namespace HosVessel.Web.Legacy;

/// <summary>
/// The register's name-key rule (same as <c>vessels.name_key</c> and <c>voyages.vessel_key</c>), kept here
/// so the import does not depend on the register's code; the two must stay identical.
/// </summary>
internal static partial class LegacyNames
{
    public static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }
        var key = Whitespace().Replace(name.Trim(), " ").ToUpperInvariant();
        // The fleet writes "H/ AMBITION" and "HYUNDAI AMBITION" for the same ship.
        if (key.StartsWith("H/", StringComparison.Ordinal))
        {
            key = ("HYUNDAI " + key[2..].TrimStart()).TrimEnd();
        }
        return key;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
