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
    public static IReadOnlyList<string> CopiedColumns => Voyages.VoyageFieldTable.LegacyColumns;
}

/// <summary>The legacy file cannot be used; the message says why in words meant for the operator.</summary>
public sealed class LegacyDatabaseException(string message, Exception? inner = null) : Exception(message, inner);
