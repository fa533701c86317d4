using Microsoft.Extensions.Options;

namespace HosVessel.Web.Http;

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
        // Chosen now, from the address the client asked for: error pages re-execute under another path.
        var policy = options.Value.ContentSecurityPolicyFor(context.Request.Path);
        // Applied when the response starts, so error pages that clear headers on re-execution still get them.
        context.Response.OnStarting(static state =>
        {
            var (context, policy, referrerPolicy) = ((HttpContext, string, string))state;
            var headers = context.Response.Headers;
            headers.TryAdd("Content-Security-Policy", policy);
            headers.TryAdd("X-Content-Type-Options", "nosniff");
            headers["X-Frame-Options"] = "DENY";
            headers.TryAdd("Referrer-Policy", referrerPolicy);
            if (HoldsPrivateData(context))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        }, (context, policy, options.Value.ReferrerPolicy));
        return next(context);
    }

    // Register and account data must not stay in a shared PC's cache or a proxy: every API answer (keyed or signed
    // in), every page a signed-in user sees and every CSV. Static files are served before sign-in is read, so they stay cacheable.
    private static bool HoldsPrivateData(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/api")
        || context.User.Identity?.IsAuthenticated == true
        || context.Response.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true;
}

public static class SecurityHeadersExtensions
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.UseMiddleware<SecurityHeadersMiddleware>();
}
