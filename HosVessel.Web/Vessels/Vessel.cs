using System.Text.Json;
using System.Text.Json.Serialization;

namespace HosVessel.Web.Vessels;

/// <summary>A row of <c>vessels</c>: the fields plus what the store keeps. Legacy rows may lack fields the forms now require.</summary>
[JsonConverter(typeof(VesselJsonConverter))]
public sealed class Vessel : VesselFields
{
    public long Id { get; init; }
    public string NameKey { get; init; } = "";
    public string CreatedAt { get; init; } = "";
    public string UpdatedAt { get; init; } = "";

    /// <summary>False for legacy rows whose IMO fails the check digit.</summary>
    public bool HasValidImo => ImoNumber.IsValid(ImoNo);
}

/// <summary>
/// A vessel as the read API returns it: <c>id</c> and each table key (snake_case, as the old app and the CSV),
/// written from <see cref="VesselFieldTable"/> so the API cannot miss a field.
/// </summary>
public sealed class VesselJsonConverter : JsonConverter<Vessel>
{
    public override Vessel Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("The read API does not accept vessels.");

    public override void Write(Utf8JsonWriter writer, Vessel value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteNumber("id", value.Id);
        foreach (var field in VesselFieldTable.All)
        {
            writer.WriteString(field.Key, field.Get(value));
        }
        writer.WriteEndObject();
    }
}

/// <summary>A page of the read API's list.</summary>
public sealed record VesselPageDto(
    [property: JsonPropertyName("items")] IReadOnlyList<Vessel> Items,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("page")] int Page,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("total_pages")] int TotalPages,
    // True when the count stopped early: at least `total` vessels match, and pages go on past `total_pages`.
    [property: JsonPropertyName("total_capped")] bool TotalCapped);
