using Microsoft.AspNetCore.Mvc;

namespace HosVessel.Web.Vessels;

/// <summary>
/// What a person or a file supplies for one vessel, as typed (so a form can show it back).
/// The form names are the snake_case keys of the old app and of JSON/CSV import and export.
/// </summary>
public sealed partial class VesselFields
{
    [BindProperty(Name = "name")] public string? Name { get; set; }
    [BindProperty(Name = "imo_no")] public string? ImoNo { get; set; }
    [BindProperty(Name = "ship_code")] public string? ShipCode { get; set; }
    [BindProperty(Name = "ship_type")] public string? ShipType { get; set; }
    [BindProperty(Name = "size")] public string? Size { get; set; }
    [BindProperty(Name = "flag")] public string? Flag { get; set; }
    [BindProperty(Name = "ro")] public string? Ro { get; set; }
    [BindProperty(Name = "class")] public string? Class { get; set; }
    [BindProperty(Name = "built_year")] public string? BuiltYear { get; set; }
    [BindProperty(Name = "shipyard")] public string? Shipyard { get; set; }
    [BindProperty(Name = "finance")] public string? Finance { get; set; }
    [BindProperty(Name = "tic")] public string? Tic { get; set; }
    [BindProperty(Name = "crew")] public string? Crew { get; set; }
    [BindProperty(Name = "callsign")] public string? Callsign { get; set; }
    [BindProperty(Name = "internal_audit")] public string? InternalAudit { get; set; }

    /// <summary>Trimmed values with empty meaning none, and codes upper-cased, ready to store.</summary>
    public VesselFields Cleaned() => new()
    {
        Name = Clean(Name),
        ImoNo = ImoNumber.Clean(ImoNo),
        ShipCode = Clean(ShipCode)?.ToUpperInvariant(),
        ShipType = Clean(ShipType)?.ToUpperInvariant(),
        Size = Clean(Size),
        Flag = Clean(Flag)?.ToUpperInvariant(),
        Ro = Clean(Ro)?.ToUpperInvariant(),
        Class = CleanClass(Class),
        BuiltYear = Clean(BuiltYear),
        Shipyard = Clean(Shipyard),
        Finance = Clean(Finance),
        Tic = Clean(Tic)?.ToUpperInvariant(),
        Crew = Clean(Crew)?.ToUpperInvariant(),
        Callsign = Clean(Callsign)?.ToUpperInvariant(),
        InternalAudit = Clean(InternalAudit),
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // "dnv / kr", "DNV/KR" and "DNV  /KR" are the same dual class; "LR+KR" keeps its '+', which is how its owner writes it.
    private static string? CleanClass(string? value) =>
        Clean(value) is { } text
            ? string.Join("", ClassSeparator().Split(text).Select(part => part is "/" or "+" ? part : Spaces().Replace(part.Trim(), " ").ToUpperInvariant()))
            : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*([/+])\s*")]
    private static partial System.Text.RegularExpressions.Regex ClassSeparator();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Spaces();
}
