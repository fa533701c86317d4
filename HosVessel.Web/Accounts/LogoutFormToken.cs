using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace HosVessel.Web.Accounts;

/// <summary>
/// The antiforgery token of the logout button that every signed-in page carries. Making one costs two
/// data-protection operations, about 6% of a list page; a token stays valid for as long as the browser keeps
/// its antiforgery cookie and the same user is signed in, so one is made per cookie and session and reused.
/// Validation on POST /logout is untouched. An antiforgery token is not tied to one form, so a page's other
/// post buttons (an admin's delete) carry the same one.
/// </summary>
public sealed class LogoutFormToken(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> options)
{
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<(string Cookie, string Session), string> tokens = new();

    public string FieldName => options.Value.FormFieldName;

    public string For(HttpContext context)
    {
        var session = context.User.FindFirstValue(AccountsExtensions.SessionClaim);
        var cookie = context.Request.Cookies[options.Value.Cookie.Name!];
        if (session is not null && cookie is not null && tokens.TryGetValue((cookie, session), out var token))
        {
            // What the antiforgery service sends with every token it hands out: pages with a form are not cached.
            context.Response.Headers.CacheControl = "no-cache, no-store";
            context.Response.Headers.Pragma = "no-cache";
            return token;
        }
        var issued = antiforgery.GetAndStoreTokens(context);
        // CookieToken is set only when the request's cookie was missing or invalid and a new one goes out now.
        if (session is not null && (issued.CookieToken ?? cookie) is { } browserCookie)
        {
            if (tokens.Count >= MaxEntries)
            {
                tokens.Clear();
            }
            tokens[(browserCookie, session)] = issued.RequestToken!;
        }
        return issued.RequestToken!;
    }
}
