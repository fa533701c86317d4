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
    IHttpContextAccessor httpContextAccessor,
    ILogger<AccountSignIn> logger)
{
    public async Task<LoginResult> PasswordSignInAsync(string username, string password, CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext!;
        var clientIp = context.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(username, clientIp) is { } wait)
        {
            logger.LogWarning("Login for {Username} from {ClientIp} throttled for {RetryAfter}", username, clientIp, wait);
            AccountsTelemetry.RecordLogin(LoginResultKind.Throttled);
            return new LoginResult(LoginResultKind.Throttled, RetryAfter: wait);
        }

        var user = await CheckPasswordAsync(username, password, cancellationToken);
        if (user is null)
        {
            throttle.RecordFailure(username, clientIp);
            AccountsTelemetry.RecordLogin(LoginResultKind.Failure);
            logger.LogInformation("Failed login for {Username} from {ClientIp}", username, clientIp);
            return new LoginResult(LoginResultKind.Failure);
        }
        throttle.RecordSuccess(username);

        var sessionId = await users.StartSessionAsync(user.Id, AccountsExtensions.SessionLifetime, cancellationToken);
        await context.SignInAsync(CreatePrincipal(user, sessionId));
        AccountsTelemetry.RecordLogin(LoginResultKind.Success);
        return new LoginResult(LoginResultKind.Success, user);
    }

    /// <summary>The user when the password is right (re-hashing an outdated hash on the way), otherwise null.</summary>
    public async Task<User?> CheckPasswordAsync(string username, string password, CancellationToken cancellationToken)
    {
        var user = await users.FindByUsernameAsync(username, cancellationToken);
        if (user is null)
        {
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
