using System.Buffers;
using System.Data.Common;
using System.Text.Encodings.Web;
using System.Text.Json;
using HosVessel.Web.ApiKeys;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Voyages.History;

/// <summary>
/// The history API's answer, written from SQLite's rows straight into JSON bytes (no list of DTOs, no serializer
/// walking them), in <see cref="VoyageHistoryEventDto"/>'s shape, which the OpenAPI document describes. An empty
/// answer for a name neither the feed nor the history knows is a 404.
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

    public async Task ExecuteAsync(HttpContext http)
    {
        var cancellationToken = http.RequestAborted;
        // The encoder the rest of the API's JSON uses, so these bytes are what the serializer would have written.
        var encoder = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions.Encoder;
        var json = await history.ApiJsonAsync(vesselKey, since, limit, (rows, token) => WriteAsync(rows, encoder, token), cancellationToken);
        // An empty answer for a misspelt name would look like a quiet ship; say so instead.
        if (json is null && vesselKey is not null && !await history.KnowsAsync(vesselKey, cancellationToken)
            && await voyages.GetByVesselNameKeyAsync(vesselKey, cancellationToken) is null)
        {
            await TypedResults.Json(new ApiError($"No ship named '{vesselName}' is in the feed or its history"),
                statusCode: StatusCodes.Status404NotFound).ExecuteAsync(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.ContentLength = json?.Length ?? 2;
        await http.Response.Body.WriteAsync(json ?? "[]"u8.ToArray(), cancellationToken);
    }

    /// <summary>The rows as the API's JSON array, or null when there are none.</summary>
    private static async Task<byte[]?> WriteAsync(DbDataReader row, JavaScriptEncoder? encoder, CancellationToken cancellationToken)
    {
        if (!await row.ReadAsync(cancellationToken))
        {
            return null;
        }
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        await using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = encoder, SkipValidation = true }))
        {
            json.WriteStartArray();
            do
            {
                json.WriteStartObject();
                json.WriteString(At, row.GetString(0));
                json.WriteString(VesselName, row.GetString(1));
                json.WriteString(Field, row.GetString(2));
                WriteText(json, Old, row, 3);
                WriteText(json, New, row, 4);
                json.WriteEndObject();
            }
            while (await row.ReadAsync(cancellationToken));
            json.WriteEndArray();
        }
        return buffer.WrittenSpan.ToArray();
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
