using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Deployment.Engine;

/// <summary>
/// The operator's checkout on the mini PC: the repository's files (as <c>git clone</c> would give them) in a temp
/// folder, where commands run in bash exactly as DEPLOY.md writes them. <c>docker compose</c> is served by
/// Debian's docker-compose 1.29 and <c>sudo</c> by root itself. Every command and its output go to a transcript.
/// </summary>
public sealed partial class OperatorClone : IAsyncDisposable
{
    private readonly EngineFixture engine;
    private readonly string root = Directory.CreateTempSubdirectory("hosvessel-clone-").FullName;
    private readonly StringBuilder transcript = new();
    private readonly string transcriptName;

    private OperatorClone(EngineFixture engine, string name)
    {
        this.engine = engine;
        transcriptName = name;
        ProjectName = "hv" + Guid.NewGuid().ToString("N")[..8];
    }

    /// <summary>The clone's root folder, "hosvessel" in DEPLOY.md.</summary>
    public string Folder => Path.Combine(root, "hosvessel");

    public string ProjectName { get; }

    public int Port { get; } = ChildProcess.FreePort();

    public string DataFolder => Path.Combine(Folder, "data");

    public static async Task<OperatorClone> CreateAsync(EngineFixture engine, string name)
    {
        var clone = new OperatorClone(engine, name);
        var (exitCode, files) = await ChildProcess.RunAsync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "-z"],
            workingDirectory: RepositoryRoot.Path);
        Assert.True(exitCode == 0, files);
        foreach (var file in files.Split('\0', StringSplitOptions.RemoveEmptyEntries).Select(f => f.Trim('\r', '\n')))
        {
            var source = Path.Combine(RepositoryRoot.Path, file);
            if (!File.Exists(source))
            {
                continue;
            }
            var target = Path.Combine(clone.Folder, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(source, target);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(source));
            }
        }
        return clone;
    }

    /// <summary>Writes <c>aspire-manifest/.env</c> from the example, as step 3 does, with this test's values.</summary>
    public async Task WriteEnvAsync(params (string Name, string Value)[] values)
    {
        var settings = new Dictionary<string, string>
        {
            ["COMPOSE_PROJECT_NAME"] = ProjectName,
            ["API_KEY"] = VoyageApiKey,
            ["HOS_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
            ["HOS_BIND"] = "127.0.0.1",
        };
        foreach (var (name, value) in values)
        {
            settings[name] = value;
        }
        await RunOkAsync("cp .env.example .env");
        var path = Path.Combine(Folder, "aspire-manifest", ".env");
        var lines = (await File.ReadAllLinesAsync(path)).Select(line =>
        {
            var name = line.Split('=')[0].TrimStart('#', ' ');
            return line.Contains('=') && settings.TryGetValue(name, out var value) ? $"{name}={value}" : line;
        });
        await File.WriteAllLinesAsync(path, lines);
    }

    public const string VoyageApiKey = "engine-test-api-key";

    /// <summary>Runs <paramref name="script"/> with bash in <paramref name="folder"/> (relative to the clone).</summary>
    public async Task<(int ExitCode, string Output)> RunAsync(string script, string folder = "aspire-manifest", TimeSpan? timeout = null)
    {
        const string Prelude = """
            docker() { if [ "${1:-}" = compose ]; then shift; docker-compose "$@"; else command docker "$@"; fi; }
            command -v sudo >/dev/null || sudo() { "$@"; }
            set -o pipefail

            """;
        var workingDirectory = Path.Combine(Folder, folder);
        var (exitCode, output) = await ChildProcess.RunAsync("bash", ["-c", Prelude + script],
            new Dictionary<string, string> { ["DOCKER_HOST"] = engine.DockerHost, ["COMPOSE_INTERACTIVE_NO_CLI"] = "1" },
            workingDirectory, timeout ?? TimeSpan.FromMinutes(5));
        var shown = Path.GetRelativePath(root, workingDirectory);
        transcript.Append(CultureInfo.InvariantCulture, $"~/{shown}$ {script}\n{output}[exit {exitCode}]\n\n");
        return (exitCode, output);
    }

    public async Task<string> RunOkAsync(string script, string folder = "aspire-manifest", TimeSpan? timeout = null)
    {
        var (exitCode, output) = await RunAsync(script, folder, timeout);
        Assert.True(exitCode == 0, $"`{script}` failed ({exitCode}):\n{output}");
        return output;
    }

    /// <summary>
    /// Tags the image's build stage, so that DEPLOY.md's <c>docker image prune</c> leaves the restore layer for the
    /// next test run (the engine's state is cached between runs). Not part of the operator's path or the transcript.
    /// </summary>
    public async Task KeepBuildCacheAsync()
    {
        var (exitCode, output) = await ChildProcess.RunAsync("docker",
            ["build", "-q", "--target", "build", "-t", "hosvessel-engine-test/build-cache", "-f", "HosVessel.Web/Dockerfile", "."],
            new Dictionary<string, string> { ["DOCKER_HOST"] = engine.DockerHost }, Folder, TimeSpan.FromMinutes(5));
        Assert.True(exitCode == 0, output);
    }

    /// <summary>Polls <c>docker inspect</c> until the web container reports healthy, as <c>docker compose ps</c> shows it.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var status = "";
        while (DateTime.UtcNow < deadline)
        {
            (_, status) = await ChildProcess.RunAsync("bash",
                ["-c", "docker inspect -f '{{.State.Health.Status}}' $(docker-compose ps -q web)"],
                new Dictionary<string, string> { ["DOCKER_HOST"] = engine.DockerHost }, Path.Combine(Folder, "aspire-manifest"));
            if (status.Trim() == "healthy")
            {
                return;
            }
            await Task.Delay(1000);
        }
        var (_, logs) = await RunAsync("docker compose logs --tail 40 web");
        Assert.Fail($"the web container is not healthy after {timeout} (last: {status.Trim()}):\n{logs}");
    }

    /// <summary>Polls the app's /health through the published port until it answers 200.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                if ((await client.GetAsync($"http://127.0.0.1:{Port}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        var (_, logs) = await RunAsync("docker compose logs --tail 40 web");
        Assert.Fail($"/health did not answer within {timeout}:\n{logs}");
    }

    public async ValueTask DisposeAsync()
    {
        await RunAsync("docker compose down --remove-orphans");
        var text = EscapeCodes().Replace(transcript.ToString(), "");
        await File.WriteAllTextAsync(Path.Combine(EngineFixture.TranscriptDirectory, transcriptName + ".txt"), text);
        Directory.Delete(root, recursive: true);
    }

    // Build progress lines may carry terminal escape codes; the transcript is for reading.
    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex EscapeCodes();
}
