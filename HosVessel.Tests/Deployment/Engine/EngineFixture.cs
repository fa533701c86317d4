using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Deployment.Engine;

/// <summary>
/// A real Docker engine for the operator-path tests: Debian's dockerd started by <c>engine.sh</c> with its own
/// socket, and stand-in base images under the official names. Started once for the collection, stopped by pid.
/// A machine that cannot run it fails the tests with the engine's own words; nothing is skipped.
/// </summary>
public sealed class EngineFixture : IAsyncLifetime
{
    public static string Script => Path.Combine(RepositoryRoot.Path, "HosVessel.Tests", "Deployment", "Engine", "engine.sh");

    private readonly string runDirectory = Directory.CreateTempSubdirectory("hosvessel-engine-").FullName;

    public string DockerHost { get; private set; } = "";

    /// <summary>Where each test writes the commands it ran and what they printed (DEPLOY.md's expected outputs come from here).</summary>
    public static string TranscriptDirectory => Path.Combine(RepositoryRoot.Path, "TestResults", "engine");

    public async Task InitializeAsync()
    {
        Assert.True(OperatingSystem.IsLinux() && Environment.UserName == "root",
            "the engine test starts dockerd, which needs Linux and root (CI runs as root)");
        var (exitCode, output) = await ChildProcess.RunAsync("bash", [Script, "start", runDirectory], timeout: TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"Could not start the Docker engine:\n{output}");
        DockerHost = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("DOCKER_HOST=", StringComparison.Ordinal))["DOCKER_HOST=".Length..];

        (exitCode, output) = await ChildProcess.RunAsync("bash", [Script, "images"],
            new Dictionary<string, string> { ["DOCKER_HOST"] = DockerHost }, timeout: TimeSpan.FromMinutes(8));
        Assert.True(exitCode == 0, $"Could not build the stand-in base images:\n{output}");
        Directory.CreateDirectory(TranscriptDirectory);
    }

    public async Task DisposeAsync()
    {
        var (exitCode, output) = await ChildProcess.RunAsync("bash", [Script, "stop", runDirectory], timeout: TimeSpan.FromMinutes(2));
        Directory.Delete(runDirectory, recursive: true);
        Assert.True(exitCode == 0, $"Stopping the Docker engine failed:\n{output}");
    }
}

[CollectionDefinition(Name)]
public sealed class EngineCollection : ICollectionFixture<EngineFixture>
{
    public const string Name = "Engine";
}
