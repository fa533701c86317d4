using HosVessel.Tests.Infrastructure;
using HosVessel.Web.Accounts;

namespace HosVessel.Tests.Accounts;

public sealed class GeneratedAdminFactory : AccountsFactory
{
    protected override IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["ADMIN_USERNAME"] = "chief",
        ["ADMIN_PASSWORD"] = "",
    };
}

public sealed partial class AdminBootstrapTests(GeneratedAdminFactory factory) : IClassFixture<GeneratedAdminFactory>
{
    [Fact]
    public async Task Without_ADMIN_PASSWORD_a_generated_password_is_logged_once_as_a_warning_and_works()
    {
        _ = factory.Server;
        var warnings = factory.Logs.Entries
            .Where(entry => entry.Category == typeof(AdminBootstrapper).FullName && entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning)
            .ToList();

        var warning = Assert.Single(warnings);
        Assert.Contains("/account/password", warning.Message);
        var password = GeneratedPassword().Match(warning.Message).Groups[1].Value;
        Assert.True(password.Length >= 16, warning.Message);
        Assert.Single(factory.Logs.Entries, entry => entry.Message.Contains(password, StringComparison.Ordinal));

        var client = await factory.LoginAsync("chief", password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).StatusCode);
    }

    [System.Text.RegularExpressions.GeneratedRegex("generated password ([A-Za-z0-9]+)")]
    private static partial System.Text.RegularExpressions.Regex GeneratedPassword();
}
