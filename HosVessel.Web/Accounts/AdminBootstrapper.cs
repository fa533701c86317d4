using System.Security.Cryptography;
using HosVessel.Web.Data;

namespace HosVessel.Web.Accounts;

/// <summary>
/// Creates the first admin from <c>ADMIN_USERNAME</c>/<c>ADMIN_PASSWORD</c> when there are no users,
/// so a fresh install can be logged into. Without a configured password one is generated and logged once.
/// </summary>
public sealed class AdminBootstrapper(
    UserStore users,
    AccountPasswords passwords,
    IConfiguration configuration,
    ILogger<AdminBootstrapper> logger) : IDatabaseInitializer
{
    public int Order => 20;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        if (await users.CountAsync(cancellationToken) > 0)
        {
            return;
        }
        var username = configuration[DeploymentContract.AdminUsernameVariable] is { Length: > 0 } name ? name.Trim() : "admin";
        var password = configuration[DeploymentContract.AdminPasswordVariable];
        var generated = string.IsNullOrEmpty(password);
        if (generated)
        {
            password = RandomNumberGenerator.GetString("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789", 20);
        }
        await users.CreateAsync(username, passwords.Hash(password!), Roles.Admin, cancellationToken);
        if (generated)
        {
            logger.LogWarning(
                "Created admin user {Username} with generated password {Password}. Log in and change it at /account/password now; this password is not shown again.",
                username, password);
        }
        else
        {
            logger.LogInformation("Created admin user {Username} from ADMIN_USERNAME/ADMIN_PASSWORD", username);
        }
    }
}
