using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Deployment;

/// <summary>The operator forgot <c>chown 1654:1654 data</c>: the app must stop with the fix, not a stack trace.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
[Collection(DeploymentCollection.Name)]
public sealed class DataFolderPermissionTests(ProxyFixture fixture)
{
    [Fact]
    public async Task Unwritable_data_folder_stops_startup_naming_the_folder_and_the_chown()
    {
        Assert.True(OperatingSystem.IsLinux() && Environment.UserName == "root", "this test fakes a foreign-owned folder by dropping from root to nobody");
        // A root-owned 0755 folder is what a fresh "mkdir data" looks like to the container's non-root user.
        var folder = Path.Combine(PublishedWeb.CacheRoot, $"data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_101_101);
        }
        try
        {
            var environment = new Dictionary<string, string>(GeneratedFiles.WebEnvironment())
            {
                ["ConnectionStrings__vessels"] = $"Data Source={folder}/hosvessel.db",
                ["ASPNETCORE_HTTP_PORTS"] = ChildProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["HOME"] = PublishedWeb.CacheRoot,
                ["DOTNET_CLI_HOME"] = PublishedWeb.CacheRoot,
            };
            var (exitCode, output) = await ChildProcess.RunAsync("setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(fixture.PublishDirectory, "HosVessel.Web.dll")],
                environment, fixture.PublishDirectory, TimeSpan.FromSeconds(40));

            Assert.NotEqual(0, exitCode);
            Assert.Contains(folder, output);
            Assert.Contains("chown 1654:1654", output);
            Assert.DoesNotContain("   at ", output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Unreadable_legacy_database_is_named_in_one_line_with_the_chown_and_the_app_starts_on_its_own()
    {
        Assert.True(OperatingSystem.IsLinux() && Environment.UserName == "root", "this test fakes a root-owned vessel.db by dropping from root to nobody");
        // What "sudo cp vessel.db data/" leaves behind: a folder the app may write, a file only root may read.
        var folder = Path.Combine(PublishedWeb.CacheRoot, $"data-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var legacy = Path.Combine(folder, "vessel.db");
        try
        {
            Legacy.LegacyFleet.Create(legacy);
            if (OperatingSystem.IsLinux())
            {
                File.SetUnixFileMode(legacy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
            }
            var port = ChildProcess.FreePort();
            var environment = new Dictionary<string, string>(GeneratedFiles.WebEnvironment())
            {
                ["ConnectionStrings__vessels"] = $"Data Source={folder}/hosvessel.db",
                ["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["ADMIN_PASSWORD"] = WebProcess.AdminPassword,
                ["API_KEY"] = WebProcess.ApiKey,
                ["HOME"] = PublishedWeb.CacheRoot,
                ["DOTNET_CLI_HOME"] = PublishedWeb.CacheRoot,
            };
            using var web = new ChildProcess("setpriv",
                ["--reuid=65534", "--regid=65534", "--clear-groups", "dotnet", Path.Combine(fixture.PublishDirectory, "HosVessel.Web.dll")],
                environment, fixture.PublishDirectory);
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };

            await web.WaitUntilAsync(async () =>
            {
                try
                {
                    return (await client.GetAsync($"http://127.0.0.1:{port}/health")).IsSuccessStatusCode;
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    return false;
                }
            }, "HosVessel.Web with a root-owned vessel.db", TimeSpan.FromSeconds(40));

            var lines = web.Output.Split('\n').Where(line => line.Contains("vessel.db", StringComparison.Ordinal)).ToList();
            var line = Assert.Single(lines, l => l.Contains("sudo chown 1654:1654 " + legacy, StringComparison.Ordinal));
            Assert.Contains("denied", line, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("   at ", web.Output);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"http://127.0.0.1:{port}/login")).StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
