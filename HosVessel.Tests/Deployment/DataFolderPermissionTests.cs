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
}
