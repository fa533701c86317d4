using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Service defaults shared by every HosVessel service: telemetry, health endpoints,
/// service discovery and resilient HTTP clients.
/// </summary>
public static class Extensions
{
    public const string HealthEndpointPath = "/health";
    public const string AlivenessEndpointPath = "/alive";

    /// <summary>Name of the product's own ActivitySource and Meter.</summary>
    public const string TelemetryName = "HosVessel";

    public static readonly ActivitySource ActivitySource = new(TelemetryName);
    public static readonly Meter Meter = new(TelemetryName);

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // Without an endpoint there is no collector. Then no OpenTelemetry at all: spans and measurements nobody
        // reads would cost every request, and exporting anyway would log connection errors forever.
        if (string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            return builder;
        }

        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetryName))
            .WithTracing(tracing => tracing.AddHosVesselTracing(builder.Environment.ApplicationName))
            .UseOtlpExporter();
        return builder;
    }

    /// <summary>
    /// The product's sources (its own and <c>HosVessel.Sqlite</c>) and request/HTTP client spans. Health checks
    /// are left out; each request span carries its route (<c>http.route</c>) and the user's role (<c>user.role</c>),
    /// never the user's name. Tests add this next to an in-memory exporter.
    /// </summary>
    public static TracerProviderBuilder AddHosVesselTracing(this TracerProviderBuilder tracing, string applicationName) =>
        tracing
            .AddSource(applicationName)
            .AddSource(TelemetryName, $"{TelemetryName}.*")
            .AddAspNetCoreInstrumentation(options =>
            {
                // Uptime Kuma and the compose healthcheck poll these; their spans would drown real traffic.
                options.Filter = context => !IsHealthPath(context.Request.Path);
                options.EnrichWithHttpResponse = TagRole;
            })
            .AddHttpClientInstrumentation();

    private static void TagRole(Activity activity, HttpResponse response)
    {
        if (activity.GetTagItem("user.role") is not null)
        {
            return; // set by the endpoint (for example an API key caller)
        }
        var user = response.HttpContext.User;
        var role = user.Identity?.IsAuthenticated == true ? user.FindFirst(ClaimTypes.Role)?.Value ?? "none" : "anonymous";
        activity.SetTag("user.role", role);
    }

    private static bool IsHealthPath(PathString path) =>
        path.StartsWithSegments(HealthEndpointPath) || path.StartsWithSegments(AlivenessEndpointPath);

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Maps <c>/health</c> (readiness: every check) and <c>/alive</c> (liveness: checks tagged "live")
    /// in every environment, answering only the status word so no exception text or path leaks.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthEndpointPath, new HealthCheckOptions { ResponseWriter = WriteStatusOnly })
            .DisableHttpMetrics();
        app.MapHealthChecks(AlivenessEndpointPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
            ResponseWriter = WriteStatusOnly,
        }).DisableHttpMetrics();
        return app;
    }

    private static Task WriteStatusOnly(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        return context.Response.WriteAsync(report.Status.ToString());
    }
}
