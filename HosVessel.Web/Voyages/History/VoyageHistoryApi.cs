using System.Globalization;
using System.Text.Json.Serialization;
using HosVessel.Web.ApiKeys;
using HosVessel.Web.Vessels;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace HosVessel.Web.Voyages.History;

/// <summary>One history event as the API returns it; <c>at</c> is in KST (+09:00), as the team reads it.</summary>
public sealed record VoyageHistoryEventDto(
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("vessel_name")] string VesselName,
    [property: JsonPropertyName("field")] string Field,
    [property: JsonPropertyName("old")] string? Old,
    [property: JsonPropertyName("new")] string? New);

/// <summary><c>GET /api/voyages/history</c>: what the feed changed, newest first, for the API key or a signed-in user.</summary>
public static class VoyageHistoryApi
{
    public const string Path = "/api/voyages/history";
    public const int DefaultLimit = 1_000;

    public static IEndpointRouteBuilder MapVoyageHistoryApi(this IEndpointRouteBuilder app)
    {
        // A group of its own, like the other APIs: endpoints mapped straight on the app are listed before every
        // group's, which would put this one first in the OpenAPI document and the API reference.
        app.MapGroup(Path).WithTags("Voyages").MapGet("", Get)
            .RequireApiKeyOrSignedIn()
            .WithName("GetVoyageHistory")
            .WithSummary("Voyage history: every value a push changed, newest first")
            .WithDescription(
                "Each event is one changed value: `field` is the push's dotted path (`next_port.eta`, `captain`, " +
                "`psc_inspection.date_1`, ...), `old` and `new` its values. A ship entering or leaving the feed is " +
                "`field: \"feed\"` with `absent`/`present`. `vessel_name` matches as elsewhere (case, spaces, `H/` for " +
                "`HYUNDAI `); `since` is a date (KST midnight) or an ISO-8601 time. Kept for two years by default.")
            .Produces<ApiError>(StatusCodes.Status400BadRequest)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<VoyageHistoryJson, JsonHttpResult<ApiError>> Get(
        VoyageHistoryReader history,
        VoyageStore voyages,
        [FromQuery(Name = "vessel_name")] string? vesselName,
        [FromQuery(Name = "since")] string? since,
        [FromQuery(Name = "limit")] int? limit)
    {
        DateTimeOffset? from = null;
        if (!string.IsNullOrWhiteSpace(since))
        {
            if (ParseSince(since) is not { } parsed)
            {
                return Error(StatusCodes.Status400BadRequest, $"since '{since}' is not a date like 2026-11-01 or a time like 2026-11-01T09:00:00+09:00");
            }
            from = parsed;
        }
        if (limit is < 1 or > VoyageHistoryReader.MaxLimit)
        {
            return Error(StatusCodes.Status400BadRequest, $"limit must be between 1 and {VoyageHistoryReader.MaxLimit:N0}");
        }
        var key = string.IsNullOrWhiteSpace(vesselName) ? null : VesselName.Normalise(vesselName);
        return new VoyageHistoryJson(history, voyages, key, vesselName, from, limit ?? DefaultLimit);
    }

    private static DateTimeOffset? ParseSince(string value)
    {
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var midnight = day.ToDateTime(TimeOnly.MinValue);
            return new DateTimeOffset(midnight, KoreanTime.Zone.GetUtcOffset(midnight));
        }
        // A time without an offset is read as KST, like every time the team types.
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            var hasOffset = text.EndsWith('Z') || System.Text.RegularExpressions.Regex.IsMatch(text, @"[+-]\d{2}:?\d{2}$");
            return hasOffset ? time : new DateTimeOffset(time.DateTime, KoreanTime.Zone.GetUtcOffset(time.DateTime));
        }
        return null;
    }

    private static JsonHttpResult<ApiError> Error(int statusCode, string message) =>
        TypedResults.Json(new ApiError(message), statusCode: statusCode);
}
