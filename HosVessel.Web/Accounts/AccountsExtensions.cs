using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HosVessel.Web.Accounts;

public static class AccountsExtensions
{
    public const string AdminPolicy = "admin";
    public const string SessionClaim = "hosvessel:session";

    /// <summary>A session without "로그인 유지" ends after this long without a request.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(12);

    /// <summary>A "로그인 유지" session ends after this long without a request.</summary>
    public static readonly TimeSpan RememberLifetime = TimeSpan.FromDays(30);

    /// <summary>
    /// How often an active session's deadline moves on (a new cookie and one row update). Sliding on every request
    /// would write on every request; the cookie handler's own sliding waits for half the lifetime, which would end
    /// a 12-hour session after as little as 6 idle hours.
    /// </summary>
    public static readonly TimeSpan RenewAfter = TimeSpan.FromMinutes(5);

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<UserStore>();
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddSingleton<LogoutFormToken>();
        builder.Services.AddSingleton<AccountPasswords>();
        builder.Services.AddSingleton<LoginThrottle>();
        builder.Services.AddSingleton<LoginDevices>();
        builder.AddCookieHardening();
        builder.AddPersistentSessionKeys();
        builder.Services.AddScoped<AccountSignIn>();
        builder.Services.AddSingleton<Data.IDatabaseInitializer, AdminBootstrapper>();

        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "hosvessel.auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.LoginPath = "/login";
                options.LogoutPath = "/logout";
                options.AccessDeniedPath = "/access-denied";
                options.ExpireTimeSpan = IdleTimeout;
                options.SlidingExpiration = false;
                options.Events.OnValidatePrincipal = RejectEndedSessions;
                options.Events.OnRedirectToLogin = context => AnswerApiOrRedirect(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => AnswerApiOrRedirect(context, StatusCodes.Status403Forbidden);
            });
        CachedTicketFormat.Use(builder.Services);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
        return builder;
    }

    // A cookie is only as good as its server-side session row: logout, password changes and deletion remove it.
    // The role is re-read too, so a demoted admin loses admin rights on the next request, not at cookie expiry.
    // Both come from SessionCache, which forgets at once whatever this process changes.
    private static async Task RejectEndedSessions(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.FindFirstValue(SessionClaim);
        var services = context.HttpContext.RequestServices;
        var role = sessionId is null ? null : await services.GetRequiredService<SessionCache>()
            .FindRoleAsync(sessionId, services.GetRequiredService<UserStore>(), context.HttpContext.RequestAborted);
        if (principal is null || role is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        if (principal.FindFirstValue(ClaimTypes.Role) != role)
        {
            var claims = principal.Claims.Where(claim => claim.Type != ClaimTypes.Role).Append(new Claim(ClaimTypes.Role, role));
            context.ReplacePrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, principal.Identity?.AuthenticationType)));
            context.ShouldRenew = true;
        }
        await RenewWhileActiveAsync(context, sessionId!, services);
    }

    // Use keeps a session alive: the row's deadline and the cookie (which keeps its own length, 12 hours or 30 days)
    // both move to now + that length, at most every RenewAfter (the row at most once per interval, whatever the cookie).
    private static async Task RenewWhileActiveAsync(CookieValidatePrincipalContext context, string sessionId, IServiceProvider services)
    {
        var (issued, expires) = (context.Properties.IssuedUtc, context.Properties.ExpiresUtc);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (issued is null || expires is null || now - issued < RenewAfter)
        {
            return;
        }
        var lifetime = expires.Value - issued.Value;
        lifetime = lifetime > RememberLifetime ? RememberLifetime : lifetime;
        if (services.GetRequiredService<SessionCache>().ClaimRenewal(sessionId, now, RenewAfter))
        {
            await services.GetRequiredService<UserStore>().RenewSessionAsync(sessionId, now + lifetime, context.HttpContext.RequestAborted);
        }
        context.ShouldRenew = true;
    }

    // API clients want a status code and JSON, not a redirect to an HTML login form.
    private static Task AnswerApiOrRedirect(RedirectContext<CookieAuthenticationOptions> context, int statusCode)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = statusCode;
            return context.Response.WriteAsJsonAsync(new { error = statusCode == 401 ? "Unauthorized" : "Forbidden" });
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
