using System.Diagnostics;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Foundation;

/// <summary>The publish command as the README gives it, run as a real process so its exit code is what a script sees.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class PublishCommandTests
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    [Fact]
    public async Task A_failing_publish_exits_non_zero_and_says_why()
    {
        // /proc refuses new files, so Aspire's manifest step fails before ours can run.
        var (exitCode, output) = await RunPublishAsync("/proc/hosvessel-publish-target");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Publishing failed", output);
    }

    private static async Task<(int ExitCode, string Output)> RunPublishAsync(string outputPath)
    {
        var appHost = Path.Combine(RepositoryRoot.Path, "HosVessel.AppHost");
        var start = new ProcessStartInfo("dotnet",
            ["run", "--project", appHost, "--no-build", "-c", Configuration, "--",
             "--operation", "publish", "--step", "publish", "--output-path", outputPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
