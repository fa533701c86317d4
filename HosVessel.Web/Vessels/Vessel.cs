using System.Text.Json.Serialization;

namespace HosVessel.Web.Vessels;

/// <summary>A row of <c>vessels</c>. Legacy rows may lack fields the forms now require.</summary>
public sealed class Vessel
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string NameKey { get; init; } = "";
    public string ImoNo { get; init; } = "";
    public string? ShipCode { get; init; }
    public string ShipType { get; init; } = "";
    public string Size { get; init; } = "";
    public string Flag { get; init; } = "";
    public string? Ro { get; init; }
    public string? Class { get; init; }
    public string? BuiltYear { get; init; }
    public string? Shipyard { get; init; }
    public string? Finance { get; init; }
    public string? Tic { get; init; }
    public string? Crew { get; init; }
    public string? Callsign { get; init; }
    public string? InternalAudit { get; init; }
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";

    /// <summary>False for legacy rows whose IMO fails the check digit.</summary>
    public bool HasValidImo => ImoNumber.IsValid(ImoNo);

    public VesselFields ToFields() => new()
    {
        Name = Name, ImoNo = ImoNo, ShipCode = ShipCode, ShipType = ShipType, Size = Size, Flag = Flag,
        Ro = Ro, Class = Class, BuiltYear = BuiltYear, Shipyard = Shipyard, Finance = Finance, Tic = Tic,
        Crew = Crew, Callsign = Callsign, InternalAudit = InternalAudit,
    };

    public VesselDto ToDto() => new(
        Id, Name, ImoNo, ShipCode, ShipType, Size, Flag, Ro, Class, BuiltYear, Shipyard, Finance, Tic, Crew, Callsign, InternalAudit);
}

/// <summary>A vessel as the read API returns it: the register's snake_case keys plus <c>id</c>.</summary>
public sealed record VesselDto(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("imo_no")] string ImoNo,
    [property: JsonPropertyName("ship_code")] string? ShipCode,
    [property: JsonPropertyName("ship_type")] string ShipType,
    [property: JsonPropertyName("size")] string Size,
    [property: JsonPropertyName("flag")] string Flag,
    [property: JsonPropertyName("ro")] string? Ro,
    [property: JsonPropertyName("class")] string? Class,
    [property: JsonPropertyName("built_year")] string? BuiltYear,
    [property: JsonPropertyName("shipyard")] string? Shipyard,
    [property: JsonPropertyName("finance")] string? Finance,
    [property: JsonPropertyName("tic")] string? Tic,
    [property: JsonPropertyName("crew")] string? Crew,
    [property: JsonPropertyName("callsign")] string? Callsign,
    [property: JsonPropertyName("internal_audit")] string? InternalAudit);

/// <summary>A page of the read API's list.</summary>
public sealed record VesselPageDto(
    [property: JsonPropertyName("items")] IReadOnlyList<VesselDto> Items,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total_pages")] int TotalPages);
