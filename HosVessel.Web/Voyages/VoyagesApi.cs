using HosVessel.Web.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HosVessel.Web.Voyages;

/// <summary>The n8n feed (<c>/api/voyage</c>, path kept from the old app) and the read API (<c>/api/voyages</c>).</summary>
public static class VoyagesApi
{
    public const long MaxBodyBytes = 10 * 1024 * 1024;
    public const int PageSize = 20;

    public static IEndpointRouteBuilder MapVoyagesApi(this IEndpointRouteBuilder app)
    {
        // The log filter goes first so that pushes the key check refuses are logged too.
        var feed = app.MapGroup("/api/voyage").WithTags("Voyage feed")
            .AddEndpointFilter<VoyagePushLogFilter>()
            .RequireApiKey();
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
            .Produces<ApiError>(StatusCodes.Status401Unauthorized);

        var read = app.MapGroup("/api/voyages").WithTags("Voyages").RequireApiKey();
        read.MapGet("", ListAsync).WithName("ListVoyages").Produces<ApiError>(StatusCodes.Status401Unauthorized);
        read.MapGet("/{id:long}", GetAsync).WithName("GetVoyage").Produces<ApiError>(StatusCodes.Status401Unauthorized);
        return app;
    }

    private static async Task<Results<Ok<VoyagePushResponse>, JsonHttpResult<ApiError>>> PushAsync(
        HttpContext http, VoyageStore store, ILogger<VoyageStore> logger, CancellationToken cancellationToken)
    {
        // The body is read here rather than bound as a parameter so the key check runs before any parsing.
        var outcome = VoyagePushOutcome.For(http);
        if (!http.Request.HasJsonContentType())
        {
            return Error(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/json",
                $"got {http.Request.ContentType ?? "no Content-Type"}");
        }
        var body = await ReadLimitedAsync(http.Request, cancellationToken);
        if (body is null)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, $"The body is larger than {MaxBodyBytes / 1024 / 1024} MB");
        }
        var problem = VoyageFeedParser.TryParse(body.Value, out var feed);
        outcome.Received = feed.Received;
        if (problem is not null)
        {
            return Error(StatusCodes.Status400BadRequest, problem.Message, [.. problem.Details]);
        }
        if (feed.Received == 0)
        {
            var stored = await store.CountAsync(cancellationToken);
            return Error(StatusCodes.Status400BadRequest,
                $"An empty push would erase {stored} voyages, so nothing was changed. To clear them, send DELETE /api/voyage.");
        }
        var result = await store.ReplaceAllAsync(feed.Voyages, cancellationToken);
        outcome.Linked = result.Linked.Count;
        outcome.Unlinked = result.Unlinked.Count;
        if (result.Unlinked.Count > 0)
        {
            logger.LogWarning("Voyage push: {Count} vessels are not in the register: {UnlinkedNames}",
                result.Unlinked.Count, string.Join(", ", result.Unlinked));
        }
        return TypedResults.Ok(new VoyagePushResponse("ok", feed.Received, result.Linked.Count, result.Unlinked, feed.Duplicates));
    }

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

    private static async Task<Ok<VoyageClearResponse>> ClearAsync(VoyageStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new VoyageClearResponse("cleared", await store.ClearAsync(cancellationToken)));

    private static async Task<Ok<VoyageListDto>> ListAsync(
        VoyageStore store,
        [FromQuery(Name = "vessel_name")] string? vesselName,
        [FromQuery(Name = "line")] string? line,
        [FromQuery(Name = "supervisor")] string? supervisor,
        [FromQuery(Name = "s_crew")] string? crew,
        [FromQuery(Name = "page")] int? page,
        CancellationToken cancellationToken)
    {
        var list = await store.SearchAsync(new VoyageFilter(vesselName, line, supervisor, crew), page ?? 1, PageSize, cancellationToken);
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

    // Counting while reading also catches chunked bodies that announce no Content-Length.
    private static async Task<ReadOnlyMemory<byte>?> ReadLimitedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream((int)(request.ContentLength ?? 64 * 1024));
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
    }
}
