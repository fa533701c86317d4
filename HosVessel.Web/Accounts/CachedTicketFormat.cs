using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HosVessel.Web.Accounts;

/// <summary>
/// The sign-in cookie's format, remembering what each cookie decrypts to for <see cref="MaxAge"/>: decrypting and
/// deserialising the ticket was about 5% of a signed-in page, for the same few cookies on every request. What makes a
/// session end is untouched: the cookie handler still checks the ticket's expiry on every request, and
/// <see cref="AccountsExtensions"/> still checks the session row (through <see cref="SessionCache"/>). A cookie that
/// fails to decrypt is never kept, so forged cookies cannot fill it. Tickets are shared between requests and read only:
/// the handler and <c>RejectEndedSessions</c> replace a principal or clone a ticket, and never change one.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>
{
    /// <summary>How long a decrypted cookie is remembered (a revoked data-protection key stops it within this).</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    // About 2 KB each (the cookie and its ticket); a fleet team signs in from far fewer browsers than this.
    private const int MaxEntries = 1_000;

    private readonly ConcurrentDictionary<string, (AuthenticationTicket Ticket, long ReadAt)> tickets = new(StringComparer.Ordinal);

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }
        var now = clock.GetTimestamp();
        if (tickets.TryGetValue(protectedText, out var kept) && clock.GetElapsedTime(kept.ReadAt, now) < MaxAge)
        {
            return kept.Ticket;
        }
        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            if (tickets.Count >= MaxEntries)
            {
                tickets.Clear();
            }
            tickets[protectedText] = (ticket, now);
        }
        return ticket;
    }

    /// <summary>Wraps the cookie scheme's format, after the framework has made it from the data-protection keys.</summary>
    public static void Use(IServiceCollection services) =>
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((options, clock) => options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat, clock));
}
