using HosVessel.Web.Vessels;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Data;
using HosVessel.Web.Voyages;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Voyages;

/// <summary>Talks to the feed the way n8n does, and reads what the app stored.</summary>
public static class VoyageFeedClient
{
    public const string ExampleBody = """
        [
          {
            "vessel_name": "HMM ALGECIRAS",
            "voy_no": "0019",
            "line": "FE4",
            "teu": "24K",
            "flag": "KOR",
            "captain": "이상필 (2026-02-05)",
            "chief_engineer": "문학병 (2025-10-30)",
            "safety_supervisor": "장성욱",
            "ops_supervisor": "강문수",
            "psc_inspection": { "mou_1": "Tokyo", "date_1": "2025-09-09", "mou_2": "Paris", "date_2": "2025-11-25" },
            "last_port": { "port": "SGSIN(PSA)", "etd": "2026-02-19 04:30" },
            "next_port": { "port": "GBFXT(GBR)", "eta": "2026-03-21 04:00", "etb": "2026-03-22 04:00", "etd": "2026-03-23 15:00" },
            "itinerary": "NLRTM / RWG(03/24) → DEHAM / CTB(03/30) → ..."
          }
        ]
        """;

    public static Task<HttpResponseMessage> PushAsync(
        this HttpClient client, string json, string? apiKey = HosVesselFactory.ApiKey, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/voyage")
        {
            Content = new StringContent(json, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }
        return client.SendAsync(request);
    }

    public static async Task<JsonObject> PushOkAsync(this HttpClient client, string json)
    {
        var response = await client.PushAsync(json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"push answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response)
    {
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    public static Task<HttpResponseMessage> GetWithKeyAsync(this HttpClient client, string url, string? apiKey = HosVesselFactory.ApiKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (apiKey is not null)
        {
            request.Headers.Add("X-API-Key", apiKey);
        }
        return client.SendAsync(request);
    }

    /// <summary>A push body of minimal items, one per name, with extra fields merged in where given.</summary>
    public static string Items(params string[] vesselNames) =>
        new JsonArray([.. vesselNames.Select(name => (JsonNode)new JsonObject { ["vessel_name"] = name, ["line"] = "FE4" })])
            .ToJsonString();

    public static string Item(object fields) => "[" + JsonSerializer.Serialize(fields) + "]";

    /// <summary>A unique suffix so tests sharing one database never collide.</summary>
    public static string Unique(string prefix) =>
        $"{prefix} {Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";

    public static async Task<long> InsertRegisterVesselAsync(this HosVesselFactory factory, string name)
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenWritableAsync();
        var now = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        return await connection.ExecuteScalarAsync<long>("""
            INSERT INTO vessels (name, name_key, imo_no, ship_type, size, flag, created_at, updated_at)
            VALUES (@name, @key, @imo, 'Container', '24K', 'KOR', @now, @now) RETURNING id
            """, new { name, key = VesselName.Normalise(name), imo = Guid.NewGuid().ToString("N")[..7], now });
    }

    public static async Task<T> QueryScalarAsync<T>(this HosVesselFactory factory, string sql, object? parameters = null)
    {
        await using var connection = await factory.Services.GetRequiredService<Database>().OpenWritableAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    public static async Task<IReadOnlyList<VoyageFeedEntry>> FeedLogAsync(this HosVesselFactory factory) =>
        (await factory.Services.GetRequiredService<VoyageFeedLog>().SearchAsync(new FeedLogQuery())).Items;
}
