using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace HosVessel.Web.Accounts;

/// <summary>
/// OWASP's device cookies: after a successful login the browser holds a signed cookie naming the user and a
/// random device id. Failed logins carrying a valid one count against that device only, so a stranger's
/// flood of wrong passwords (which locks the username for unknown devices) does not lock its owner out.
/// </summary>
public sealed class LoginDevices(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const string CookieName = "hosvessel.device";
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    // The keys live on the data volume (SessionKeys), so device cookies survive restarts and redeploys.
    private readonly IDataProtector protector = dataProtection.CreateProtector("HosVessel.LoginDevice.v1");

    /// <summary>The device id when the request carries a valid device cookie issued to <paramref name="username"/>.</summary>
    public string? KnownDevice(HttpContext context, string username)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value) || string.IsNullOrEmpty(value))
        {
            return null;
        }
        string payload;
        try
        {
            payload = protector.Unprotect(value);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        return parts.Length == 3
            && string.Equals(parts[0], Normalise(username), StringComparison.Ordinal)
            && DateTimeOffset.TryParse(parts[2], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var issued)
            && issued + Lifetime > clock.GetUtcNow()
                ? parts[1]
                : null;
    }

    /// <summary>Gives the browser a fresh device cookie for <paramref name="username"/>.</summary>
    public void Issue(HttpContext context, string username)
    {
        var deviceId = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var payload = $"{Normalise(username)}\n{deviceId}\n{clock.GetUtcNow():O}";
        context.Response.Cookies.Append(CookieName, protector.Protect(payload), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/login",
            MaxAge = Lifetime,
        });
    }

    private static string Normalise(string username) => username.Trim().ToLowerInvariant();
}
