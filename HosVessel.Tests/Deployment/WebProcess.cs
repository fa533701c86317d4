namespace HosVessel.Tests.Deployment;

/// <summary>
/// The published app run the way its container runs it: the environment from the generated compose
/// file, with only the port and the data folder swapped for free, fresh ones.
/// </summary>
public sealed class WebProcess : IDisposable
{
    public const string AdminUsername = "admin";
    public const string AdminPassword = "Deploy-Passw0rd!";
    public const string ApiKey = "deploy-test-api-key";

    private readonly Infrastructure.TempDataDirectory data = new();
    private readonly ChildProcess process;

    private WebProcess(string publishDirectory, int port)
    {
        Port = port;
        var environment = new Dictionary<string, string>(GeneratedFiles.WebEnvironment())
        {
            ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ConnectionStrings__vessels"] = $"Data Source={data.DatabasePath}",
            ["ADMIN_USERNAME"] = AdminUsername,
            ["ADMIN_PASSWORD"] = AdminPassword,
            ["API_KEY"] = ApiKey,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        process = new ChildProcess("dotnet", [Path.Combine(publishDirectory, "HosVessel.Web.dll")], environment, publishDirectory);
    }

    public int Port { get; }

    public string Output => process.Output;

    public static async Task<WebProcess> StartAsync(string publishDirectory)
    {
        var web = new WebProcess(publishDirectory, ChildProcess.FreePort());
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            await web.process.WaitUntilAsync(async () =>
            {
                try
                {
                    return (await client.GetAsync($"http://127.0.0.1:{web.Port}/health")).IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, "HosVessel.Web /health", TimeSpan.FromSeconds(40));
            return web;
        }
        catch
        {
            web.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        process.Dispose();
        data.Dispose();
    }
}
