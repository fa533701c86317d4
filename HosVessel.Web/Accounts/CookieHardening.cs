using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.CookiePolicy;
using Microsoft.AspNetCore.Mvc;

namespace HosVessel.Web.Accounts;

/// <summary>
/// Every cookie the app sets (session, antiforgery, TempData) is HttpOnly and SameSite=Lax, and Secure when
/// the request came over HTTPS (behind the proxy, once forwarded headers have set the scheme).
/// </summary>
public static class CookieHardening
{
    public static IHostApplicationBuilder AddCookieHardening(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAntiforgery(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // The security headers middleware sends the stricter DENY on every response.
            options.SuppressXFrameOptionsHeader = true;
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // The safety net for cookies other features may add (app.UseCookiePolicy in Program.cs applies it).
        builder.Services.Configure<CookiePolicyOptions>(options =>
        {
            options.MinimumSameSitePolicy = SameSiteMode.Lax;
            options.HttpOnly = HttpOnlyPolicy.Always;
            options.Secure = CookieSecurePolicy.SameAsRequest;
        });
        return builder;
    }
}
