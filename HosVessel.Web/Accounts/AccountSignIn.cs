using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HosVessel.Web.Accounts;

/// <summary>Checks a username and password, upgrades old hashes, and issues the session cookie.</summary>
public sealed class AccountSignIn(
    UserStore users,
    AccountPasswords passwords,
    IHttpContextAccessor httpContextAccessor,
    ILogger<AccountSignIn> logger)
{
    public async Task<User?> PasswordSignInAsync(string username, string password, CancellationToken cancellationToken)
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

        var sessionId = await users.StartSessionAsync(user.Id, AccountsExtensions.SessionLifetime, cancellationToken);
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
                new Claim(ClaimTypes.Name, user.Username),
                new Claim(ClaimTypes.Role, user.Role),
                new Claim(AccountsExtensions.SessionClaim, sessionId),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme);
        await httpContextAccessor.HttpContext!.SignInAsync(new ClaimsPrincipal(identity));
        return user;
    }

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
