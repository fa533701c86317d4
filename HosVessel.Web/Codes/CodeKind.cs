using HosVessel.Web.Vessels;
using HosVessel.Web.Voyages;

namespace HosVessel.Web.Codes;

/// <summary>The register and feed values that are codes and get a Korean name on <c>/codes</c>.</summary>
public enum CodeKind
{
    ShipType,
    Flag,
    ClassSociety,
    Ro,
    Team,
    Crew,
    Line,
}

/// <summary>
/// What each <see cref="CodeKind"/> is: its key (the <c>code_names.kind</c> value and the form value, the same as
/// the field key in the register's or the feed's field table) and the SQL that counts the ships using each code.
/// </summary>
public sealed record CodeKindInfo(CodeKind Kind, string Key, string UsageSql)
{
    /// <summary>The field's label, from its field table, so a kind and its field are never called two names.</summary>
    public string Title => Kind == CodeKind.Line ? VoyageFieldTable.Line.Label : VesselFieldTable.Find(Key)!.Label;

    /// <summary>A value may join several codes (<c>LR+KR</c>, <c>DNV/KR</c>): each part is named on its own.</summary>
    public bool Combined => Kind is CodeKind.ClassSociety or CodeKind.Ro;
}

public static class CodeKinds
{
    // Each query gives (code, ships). Codes are compared trimmed and upper-cased, as the register's cleaner stores them
    // (legacy rows and the feed may not be). A flag counts a ship once whether the register, the feed or both give it.
    private static string Register(string column) => $"""
        SELECT upper(trim({column})) AS code, count(*) AS ships FROM vessels
        WHERE trim(coalesce({column}, '')) <> '' GROUP BY 1
        """;

    public static IReadOnlyList<CodeKindInfo> All { get; } =
    [
        new(CodeKind.ShipType, "ship_type", Register("ship_type")),
        new(CodeKind.Flag, "flag", """
            SELECT code, count(*) AS ships FROM (
                SELECT name_key AS ship, upper(trim(flag)) AS code FROM vessels WHERE trim(coalesce(flag, '')) <> ''
                UNION
                SELECT vessel_key, upper(trim(flag)) FROM voyages WHERE trim(coalesce(flag, '')) <> '')
            GROUP BY code
            """),
        new(CodeKind.ClassSociety, "class", Register("class")),
        new(CodeKind.Ro, "ro", Register("ro")),
        new(CodeKind.Team, "tic", Register("tic")),
        new(CodeKind.Crew, "crew", Register("crew")),
        new(CodeKind.Line, "line", """
            SELECT upper(trim(line)) AS code, count(*) AS ships FROM voyages
            WHERE trim(coalesce(line, '')) <> '' GROUP BY 1
            """),
    ];

    public static CodeKindInfo Of(CodeKind kind) => All[(int)kind];

    /// <summary>The kind a form or URL names by its key (<c>flag</c>, <c>tic</c>), or null.</summary>
    public static CodeKindInfo? Find(string? key) =>
        All.FirstOrDefault(info => string.Equals(info.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A code as stored: trimmed, inner spaces single, upper-cased; null when empty.</summary>
    public static string? Normalise(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : string.Join(' ', code.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToUpperInvariant();

    /// <summary>The codes a value holds: itself, or for a class each society of <c>LR+KR</c> / <c>DNV/KR</c>.</summary>
    public static IReadOnlyList<string> Parts(CodeKind kind, string? value)
    {
        if (Normalise(value) is not { } code)
        {
            return [];
        }
        return Of(kind).Combined
            ? [.. code.Split(['/', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal)]
            : [code];
    }
}
