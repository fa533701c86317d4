using HosVessel.Web.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace HosVessel.Tests.Infrastructure;

/// <summary>
/// The web app in-process on a fresh SQLite file, with a known admin, a known API key and
/// helpers to log in as admin or viewer.
/// </summary>
// Any Web type names the entry assembly; Program itself is ambiguous next to the AppHost's.
public class HosVesselFactory : WebApplicationFactory<HosVessel.Web.Data.Database>
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "Admin-Passw0rd!";
    public const string ApiKey = "test-api-key-0123456789";

    private readonly TempDataDirectory data = new();

    public string DataDirectory => data.Path;

    public string DatabasePath => data.DatabasePath;

    /// <summary>Extra settings a test class needs (for example an empty API_KEY).</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:vessels", $"Data Source={data.DatabasePath}");
        builder.UseSetting("ADMIN_USERNAME", AdminUsername);
        builder.UseSetting("ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("API_KEY", ApiKey);
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public HttpClient CreateBrowserClient() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<HttpClient> LoginAsAdminAsync() => await LoginAsync(AdminUsername, AdminPassword);

    public async Task<HttpClient> LoginAsViewerAsync(string username = "viewer", string password = "Viewer-Passw0rd!")
    {
        await EnsureUserAsync(username, password, Roles.Viewer);
        return await LoginAsync(username, password);
    }

    public async Task EnsureUserAsync(string username, string password, string role)
    {
        var users = Services.GetRequiredService<UserStore>();
        if (await users.FindByUsernameAsync(username) is null)
        {
            await users.CreateAsync(username, Services.GetRequiredService<AccountPasswords>().Hash(password), role);
        }
    }

    public async Task<HttpClient> LoginAsync(string username, string password)
    {
        var client = CreateBrowserClient();
        var response = await client.PostFormAsync("/login", new() { ["username"] = username, ["password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"login as {username} failed: {(int)response.StatusCode}");
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            data.Dispose();
        }
    }
}
