using HosVessel.Web.Accounts;
using HosVessel.Web.Http;
using HosVessel.Web.Voyages.History;
using Scalar.AspNetCore;

namespace HosVessel.Web.Voyages;

public static class VoyagesExtensions
{
    /// <summary>Where the admin-only API reference lives; its page needs inline script, unlike the rest of the app.</summary>
    public const string ApiReferencePath = "/scalar";

    public static IHostApplicationBuilder AddVoyages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<VoyagePushQueue>();
        builder.Services.AddSingleton<VoyageStore>();
        builder.Services.AddSingleton<VoyageFeedLog>();
        builder.Services.AddSingleton<VoyageFeedHandler>();
        builder.Services.AddSingleton<VoyageHistoryReader>();
        builder.Services.AddOptions<VoyageHistoryOptions>().BindConfiguration(VoyageHistoryOptions.SectionName)
            .Validate(o => o.RetentionDays >= 1, "VoyageHistory:RetentionDays must be at least 1.")
            .Validate(o => TimeOnly.TryParseExact(o.PruneTime, "HH:mm", out _), "VoyageHistory:PruneTime must be HH:mm, like 03:30.")
            .ValidateOnStart();
        builder.Services.AddHostedService<VoyageHistoryPruneService>();
        builder.Services.AddOpenApi();
        // Scalar boots from an inline module script and styles itself inline; only its admin-only page gets this.
        builder.Services.Configure<SecurityHeadersOptions>(options => options.UseContentSecurityPolicyFor(
            ApiReferencePath,
            "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'"));
        return builder;
    }

    /// <summary>The OpenAPI document at <c>/openapi/v1.json</c> and the Scalar page for admins.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference(ApiReferencePath, options => options
                .WithTitle("HosVessel API")
                // Everything is served from here: no web fonts or telemetry from outside hosts.
                .DisableDefaultFonts()
                .DisableTelemetry())
            .RequireAuthorization(AccountsExtensions.AdminPolicy);
        return app;
    }
}
