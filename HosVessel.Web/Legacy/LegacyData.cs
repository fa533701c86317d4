namespace HosVessel.Web.Legacy;

/// <summary>The rows of the Flask app's <c>vessel.db</c>, as read, before any of our rules apply.</summary>
public sealed record LegacyData(
    IReadOnlyList<LegacyUser> Users,
    IReadOnlyList<LegacyVessel> Vessels,
    IReadOnlyList<LegacyVesselDetail> Details,
    IReadOnlyList<LegacyVoyage> Voyages);

public sealed record LegacyUser(long Id, string? Username, string? Password, string? Role);

/// <summary><paramref name="ImoNumber"/> is the stored value as SQLite holds it (normally an integer).</summary>
public sealed record LegacyVessel(long Id, string? Name, object? ImoNumber, string? ShipType, string? ShipSize, string? Flag);

public sealed record LegacyVesselDetail(
    long Id, long? VesselId, string? ShipCode, string? VesselRo, string? VesselClass, string? BuiltYear, string? Team, string? Crew);

/// <summary><paramref name="Fields"/> holds the columns that keep their name in <c>voyages</c>, in <see cref="CopiedColumns"/> order.</summary>
public sealed record LegacyVoyage(long Id, long? VesselId, string? VesselName, IReadOnlyList<string?> Fields, string? UpdatedAt)
{
    public static readonly IReadOnlyList<string> CopiedColumns =
    [
        "voy_no", "line", "teu", "captain", "chief_engineer", "safety_supervisor", "ops_supervisor",
        "psc_mou_1", "psc_date_1", "psc_mou_2", "psc_date_2", "last_port", "last_etd",
        "next_port", "next_eta", "next_etb", "next_etd", "itinerary",
    ];
}

/// <summary>The legacy file cannot be used; the message says why in words meant for the operator.</summary>
public sealed class LegacyDatabaseException(string message, Exception? inner = null) : Exception(message, inner);
