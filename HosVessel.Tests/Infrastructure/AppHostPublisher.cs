using Aspire.Hosting;
using Aspire.Hosting.Testing;

namespace HosVessel.Tests.Infrastructure;

public static class AppHostPublisher
{
    /// <summary>
    /// A scratch output folder beside <c>aspire-manifest/</c>: the manifest holds paths relative to
    /// its own folder, so only a folder at the same depth gives comparable output.
    /// </summary>
    public static TempOutput CreateOutputBesideManifest() =>
        new(Path.Combine(RepositoryRoot.Path, $".publish-check-{Guid.NewGuid():N}"));

    public sealed class TempOutput(string path) : IDisposable
    {
        public string Path { get; } = Directory.CreateDirectory(path).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }

    /// <summary>Runs the AppHost's publish pipeline in-process, as the README's publish command does.</summary>
    public static async Task PublishAsync(string outputPath)
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HosVessel_AppHost>(
            ["--operation", "publish", "--step", "publish", "--output-path", outputPath], cancellation.Token);
        await using var app = await builder.BuildAsync(cancellation.Token);
        await app.RunAsync(cancellation.Token);
    }
}
