using Microsoft.Extensions.Options;

namespace HosVessel.Web.Accounts;

/// <summary>
/// The security headers sent on every response. A feature whose page cannot live with the strict policy
/// (for example a third-party API reference UI) registers its own for its path prefix:
/// <c>builder.Services.Configure&lt;SecurityHeadersOptions&gt;(o =&gt; o.UseContentSecurityPolicyFor("/scalar", "..."))</c>.
/// </summary>
public sealed class SecurityHeadersOptions
{
    public const string DefaultContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    private readonly List<(PathString Prefix, string Policy)> overrides = [];

    public string ContentSecurityPolicy { get; set; } = DefaultContentSecurityPolicy;

    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";

    /// <summary>Sends <paramref name="policy"/> instead of the default on <paramref name="pathPrefix"/> and below.</summary>
    public SecurityHeadersOptions UseContentSecurityPolicyFor(PathString pathPrefix, string policy)
    {
        overrides.Add((pathPrefix, policy));
        return this;
    }

    public string ContentSecurityPolicyFor(PathString path)
    {
        foreach (var (prefix, policy) in overrides)
        {
            if (path.StartsWithSegments(prefix))
            {
                return policy;
            }
        }
        return ContentSecurityPolicy;
    }
}

public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SecurityHeadersOptions> options)
{
    public Task InvokeAsync(HttpContext context)
    {
        // Applied when the response starts, so error pages that clear headers on re-execution still get them.
        context.Response.OnStarting(static state =>
        {
            var (context, options) = ((HttpContext, SecurityHeadersOptions))state;
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", options.ContentSecurityPolicyFor(context.Request.Path));
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers.TryAdd("X-Frame-Options", "DENY");
            headers.TryAdd("Referrer-Policy", options.ReferrerPolicy);
            return Task.CompletedTask;
        }, (context, options.Value));
        return next(context);
    }
}

public static class SecurityHeadersExtensions
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
