using HosVessel.Web.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using HosVessel.Web.Voyages.History;

namespace HosVessel.Web.Voyages;

/// <summary>The n8n feed (<c>/api/voyage</c>, path kept from the old app) and the read API (<c>/api/voyages</c>).</summary>
public static class VoyagesApi
{
    public static IEndpointRouteBuilder MapVoyagesApi(this IEndpointRouteBuilder app)
    {
        // No RequireApiKey here: VoyageFeedHandler checks the key itself, so refused calls reach the feed log.
        var feed = app.MapGroup("/api/voyage").WithTags("Voyage feed");
        feed.MapPost("", PushAsync)
            .WithName("PushVoyages")
            .WithSummary("Replace the whole fleet's voyages with this push")
            .AddOpenApiOperationTransformer(DescribePushBodyAsync)
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status413PayloadTooLarge)
            .Produces<ApiError>(StatusCodes.Status415UnsupportedMediaType)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);
        feed.MapDelete("", ClearAsync)
            .WithName("ClearVoyages")
            .WithSummary("Remove every voyage (an empty push is refused instead)")
            .Produces<ApiError>(StatusCodes.Status401Unauthorized)
            .Produces<ApiError>(StatusCodes.Status503ServiceUnavailable);

        var read = app.MapGroup("/api/voyages").WithTags("Voyages").RequireApiKey();
        read.MapGet("", ListAsync).WithName("ListVoyages").Produces<ApiError>(StatusCodes.Status401Unauthorized);
        read.MapGet("/{id:long}", GetAsync).WithName("GetVoyage").Produces<ApiError>(StatusCodes.Status401Unauthorized);
        // Outside the group: the history also answers a signed-in browser, not only the key.
        app.MapVoyageHistoryApi();
        return app;
    }

    private static async Task<Results<Ok<VoyagePushResponse>, JsonHttpResult<ApiError>>> PushAsync(
        HttpContext http, VoyageFeedHandler feed, CancellationToken cancellationToken) =>
        (await feed.PushAsync(http, cancellationToken)).ToResult();

    // Not .Accepts<T>(): that makes routing answer a wrong Content-Type with an HTML 415 before the handler runs.
    private static async Task DescribePushBodyAsync(
        OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var schema = await context.GetOrCreateSchemaAsync(typeof(VoyageFeedItemDto[]), cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    private static async Task<Results<Ok<VoyageClearResponse>, JsonHttpResult<ApiError>>> ClearAsync(
        HttpContext http, VoyageFeedHandler feed, CancellationToken cancellationToken) =>
        (await feed.ClearAsync(http, cancellationToken)).ToResult();

    private static async Task<Ok<VoyageListDto>> ListAsync(
        VoyageStore store, [AsParameters] VoyageQuery query, CancellationToken cancellationToken)
    {
        var list = await store.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new VoyageListDto(
            [.. list.Items.Select(VoyageDto.From)], list.PageIndex, list.PageSize, list.TotalCount, list.TotalPages));
    }

    private static async Task<Results<Ok<VoyageDto>, JsonHttpResult<ApiError>>> GetAsync(
        long id, VoyageStore store, CancellationToken cancellationToken) =>
        await store.GetAsync(id, cancellationToken) is { } voyage
            ? TypedResults.Ok(VoyageDto.From(voyage))
            : Error(StatusCodes.Status404NotFound, "Voyage not found");

    private static JsonHttpResult<ApiError> Error(int statusCode, string message, params string[] details) =>
        TypedResults.Json(new ApiError(message, details.Length == 0 ? null : details), statusCode: statusCode);
}
