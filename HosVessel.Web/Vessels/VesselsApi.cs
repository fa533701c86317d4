using HosVessel.Web.ApiKeys;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HosVessel.Web.Vessels;

/// <summary>The read API: <c>GET /api/vessels</c> (filters and pages like the list page) and <c>GET /api/vessels/{imo}</c>.</summary>
public static class VesselsApi
{
    public static IEndpointRouteBuilder MapVesselsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/vessels").RequireApiKeyOrSignedIn().WithTags("Vessels");
        group.MapGet("/", ListAsync);
        group.MapGet("/{imo}", GetAsync);
        return endpoints;
    }

    private static async Task<Ok<VesselPageDto>> ListAsync(
        VesselStore store, [AsParameters] VesselQuery query, CancellationToken cancellationToken)
    {
        var result = await store.SearchAsync(query, cancellationToken);
        return TypedResults.Ok(new VesselPageDto(result.Items, result.TotalCount, result.PageIndex, result.PageSize, result.TotalPages, result.TotalCountCapped));
    }

    private static async Task<Results<Ok<Vessel>, NotFound<ApiError>>> GetAsync(
        VesselStore store, string imo, CancellationToken cancellationToken) =>
        await store.FindByImoAsync(imo, cancellationToken) is { } vessel
            ? TypedResults.Ok(vessel)
            : TypedResults.NotFound(new ApiError("Vessel not found"));

    /// <summary>The documented shape of a vessel: what <see cref="VesselJsonConverter"/> writes, from the same table.</summary>
    internal static Task DescribeVesselAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(Vessel))
        {
            return Task.CompletedTask;
        }
        schema.Properties = new Dictionary<string, IOpenApiSchema> { ["id"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int64" } };
        foreach (var field in VesselFieldTable.All)
        {
            // Legacy rows may lack even the required fields, so every value may be null.
            schema.Properties[field.Key] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Description = field.Label };
        }
        return Task.CompletedTask;
    }
}
