using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.ApiKeys;

public static class ApiKeyExtensions
{
    public static IHostApplicationBuilder AddApiKeys(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ApiKeyOptions>().Configure<IConfiguration>((options, configuration) =>
            options.Key = configuration[DeploymentContract.ApiKeyVariable]);
        return builder;
    }

    public static void WarnIfApiKeyMissing(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.IsConfigured)
        {
            app.Logger.LogWarning("API_KEY is not configured: the /api endpoints answer 503 until it is set.");
        }
    }

    /// <summary>Only requests carrying the configured key pass.</summary>
    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(allowSignedInUsers: false));

    /// <summary>The key, or a logged-in browser session, passes.</summary>
    public static TBuilder RequireApiKeyOrSignedIn<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(new ApiKeyFilter(allowSignedInUsers: true));

    /// <summary>Why the request may not use the API (503 without a configured key, 401 without the right one), or null.</summary>
    public static (int StatusCode, ApiError Error)? Refusal(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<ApiKeyOptions>>().Value;
        if (!options.IsConfigured)
        {
            return (StatusCodes.Status503ServiceUnavailable, new ApiError("API key not configured"));
        }
        if (!options.Matches(http.Request.Headers[ApiKeyOptions.HeaderName]))
        {
            return (StatusCodes.Status401Unauthorized, new ApiError("Unauthorized"));
        }
        // The request span's role: the n8n workflow is no signed-in user, but "anonymous" would mislead.
        Activity.Current?.SetTag("user.role", "api-key");
        return null;
    }

    private sealed class ApiKeyFilter(bool allowSignedInUsers) : IEndpointFilter
    {
        public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            if (allowSignedInUsers && http.User.Identity?.IsAuthenticated == true)
            {
                return next(context);
            }
            return Refusal(http) is { } refusal
                ? ValueTask.FromResult<object?>(TypedResults.Json(refusal.Error, statusCode: refusal.StatusCode))
                : next(context);
        }
    }
}

/// <summary>The JSON body of every API error: <c>{"error": "...", "details": [...]}</c>.</summary>
public sealed record ApiError(string Error, IReadOnlyList<string>? Details = null);
