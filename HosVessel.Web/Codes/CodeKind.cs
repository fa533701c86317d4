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
