using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HosVessel.Web.Accounts;

public enum LoginResultKind
{
    Success,
    Failure,
    Throttled,
}

/// <summary>What a login attempt came to; <see cref="RetryAfter"/> is set when it was throttled.</summary>
public sealed record LoginResult(LoginResultKind Kind, User? User = null, TimeSpan? RetryAfter = null);

/// <summary>Checks a username and password under the login throttle, upgrades old hashes, and issues the session cookie.</summary>
public sealed class AccountSignIn(
    UserStore users,
    AccountPasswords passwords,
    LoginThrottle throttle,
    LoginDevices devices,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider clock,
    ILogger<AccountSignIn> logger)
{
    public const int LoggedUsernameLength = 64;

    /// <param name="redirectUri">Where the browser goes next: already checked to be local and ASCII, because the cookie
    /// handler would otherwise copy the raw ReturnUrl into the Location header itself.</param>
    /// <param name="remember">"로그인 유지": a cookie that outlives the browser and a session that lasts 30 days from the last
    /// request, rather than a browser-session cookie that ends after 12 idle hours.</param>
    public async Task<LoginResult> PasswordSignInAsync(
        string username, string password, bool remember, string redirectUri, CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext!;
        var clientIp = context.Connection.RemoteIpAddress;
        var device = devices.KnownDevice(context, username);
        // A known device answers for itself only; anything else shares the username's and the address's counts.
        IReadOnlyList<string> keys = device is not null
            ? [LoginThrottle.DeviceKey(device)]
            : clientIp is null
                ? [LoginThrottle.UnknownDeviceKey(username)]
                : [LoginThrottle.UnknownDeviceKey(username), LoginThrottle.AddressKey(clientIp)];
        var attempt = throttle.TryBegin(keys);
        if (attempt.RetryAfter is { } wait)
        {
            logger.LogWarning("Login for {Username} from {ClientIp} ({Device}) throttled for {RetryAfter}",
                ForLog(username), clientIp, device is null ? "unknown device" : "known device", wait);
            AccountsTelemetry.RecordLogin(LoginResultKind.Throttled);
            return new LoginResult(LoginResultKind.Throttled, RetryAfter: wait);
        }

        var user = await CheckPasswordAsync(username, password, cancellationToken);
        if (user is null)
        {
            AccountsTelemetry.RecordLogin(LoginResultKind.Failure);
            logger.LogInformation("Failed login for {Username} from {ClientIp}", ForLog(username), clientIp);
            return new LoginResult(LoginResultKind.Failure);
        }
        throttle.Succeeded(attempt);

        var lifetime = remember ? AccountsExtensions.RememberLifetime : AccountsExtensions.IdleTimeout;
        var sessionId = await users.StartSessionAsync(user.Id, lifetime, cancellationToken);
        var issued = clock.GetUtcNow();
        await context.SignInAsync(CreatePrincipal(user, sessionId), new AuthenticationProperties
        {
            RedirectUri = redirectUri,
            IsPersistent = remember,
            IssuedUtc = issued,
            ExpiresUtc = issued + lifetime,
        });
        devices.Issue(context, user.Username);
        AccountsTelemetry.RecordLogin(LoginResultKind.Success);
        return new LoginResult(LoginResultKind.Success, user);
    }

    /// <summary>The user when the password is right (re-hashing an outdated hash on the way), otherwise null.</summary>
    public async Task<User?> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByUsernameAsync(username, cancellationToken);
        if (user is null)
        {
            // The same hashing work as a wrong password, so the answer time does not tell which usernames exist.
            passwords.VerifyDummy(password);
            return null;
        }
        var check = passwords.Verify(user, password);
        if (check == PasswordCheck.UnknownFormat)
        {
            logger.LogWarning("User {Username} has a password hash in an unknown format; login refused", user.Username);
            return null;
        }
        if (check == PasswordCheck.Invalid)
        {
            return null;
        }
        if (check == PasswordCheck.ValidNeedsRehash)
        {
            await users.SetPasswordHashAsync(user.Id, passwords.Hash(password), endSessions: false, cancellationToken);
        }
        return user;
    }

    /// <summary>
    /// A typed username as it may go into a log: control characters (which could forge log lines) removed and
    /// cut to <see cref="LoggedUsernameLength"/>, so megabyte "usernames" cannot flush the audit trail out of rotation.
    /// </summary>
    public static string ForLog(string username)
    {
        var kept = new System.Text.StringBuilder(LoggedUsernameLength + 1);
        foreach (var c in username)
        {
            // Format characters include the bidi overrides that make a log line read differently from what it holds.
            if (char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }
            if (kept.Length == LoggedUsernameLength)
            {
                return kept.Append('…').ToString();
            }
            kept.Append(c);
        }
        return kept.ToString();
    }

    public static ClaimsPrincipal CreatePrincipal(User user, string sessionId, string? role = null) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.Role, role ?? user.Role),
                new Claim(AccountsExtensions.SessionClaim, sessionId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme));

    public async Task SignOutAsync(CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext!;
        var sessionId = context.User.FindFirstValue(AccountsExtensions.SessionClaim);
        if (sessionId is not null)
        {
            await users.EndSessionAsync(sessionId, cancellationToken);
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }
}
