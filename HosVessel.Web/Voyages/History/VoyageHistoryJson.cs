using System.Data.Common;
using System.Text.Json;
using HosVessel.Web.ApiKeys;
using Microsoft.AspNetCore.Http.Metadata;

namespace HosVessel.Web.Voyages.History;

/// <summary>
/// The history API's answer, written from SQLite's rows as they are read: no list of DTOs, no serializer walking
/// them, and the first bytes leave before the last row is read. The shape is <see cref="VoyageHistoryEventDto"/>'s,
/// which the OpenAPI document describes. An empty answer for a name neither the feed nor the history knows is a 404.
/// </summary>
public sealed class VoyageHistoryJson(
    VoyageHistoryReader history, VoyageStore voyages, string? vesselKey, string? vesselName, DateTimeOffset? since, int limit)
    : IResult, IEndpointMetadataProvider
{
    private static readonly JsonEncodedText At = JsonEncodedText.Encode("at");
    private static readonly JsonEncodedText VesselName = JsonEncodedText.Encode("vessel_name");
    private static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
    private static readonly JsonEncodedText Old = JsonEncodedText.Encode("old");
    private static readonly JsonEncodedText New = JsonEncodedText.Encode("new");

    // Rows are handed to the response in pieces of about this size.
    private const int FlushBytes = 32 * 1024;

    public async Task ExecuteAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        await using var rows = await history.OpenApiRowsAsync(vesselKey, since, limit, cancellationToken);
        var any = await rows.Reader.ReadAsync(cancellationToken);
        // An empty answer for a misspelt name would look like a quiet ship; say so instead.
        if (!any && vesselKey is not null && !await history.KnowsAsync(vesselKey, cancellationToken)
            && await voyages.GetByVesselNameKeyAsync(vesselKey, cancellationToken) is null)
        {
            await TypedResults.Json(new ApiError($"No ship named '{vesselName}' is in the feed or its history"),
                statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.BodyWriter, new JsonWriterOptions { SkipValidation = true });
        json.WriteStartArray();
        for (var more = any; more; more = await rows.Reader.ReadAsync(cancellationToken))
        {
            var row = rows.Reader;
            json.WriteStartObject();
            json.WriteString(At, row.GetString(0));
            json.WriteString(VesselName, row.GetString(1));
            json.WriteString(Field, row.GetString(2));
            WriteText(json, Old, row, 3);
            WriteText(json, New, row, 4);
            json.WriteEndObject();
            if (json.BytesPending > FlushBytes)
            {
                await json.FlushAsync(cancellationToken);
            }
        }
        json.WriteEndArray();
        await json.FlushAsync(cancellationToken);
    }

    private static void WriteText(Utf8JsonWriter json, JsonEncodedText name, DbDataReader row, int ordinal)
    {
        if (row.IsDBNull(ordinal))
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, row.GetString(ordinal));
        }
    }

    public static void PopulateMetadata(System.Reflection.MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(IReadOnlyList<VoyageHistoryEventDto>), ["application/json"]));
}
