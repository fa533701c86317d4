using HosVessel.Tests.Infrastructure;

namespace HosVessel.Tests.Foundation;

/// <summary>The committed <c>aspire-manifest/</c> must be exactly what the publish step writes today.</summary>
public sealed class ManifestTests
{
    private const string RegenerateCommand =
        "dotnet run --project HosVessel.AppHost -- --operation publish --step publish --output-path ../aspire-manifest";

    [Fact]
    public async Task Committed_deployment_files_match_a_fresh_publish()
    {
        using var output = AppHostPublisher.CreateOutputBesideManifest();
        await AppHostPublisher.PublishAsync(output.Path);

        var committedDirectory = Path.Combine(RepositoryRoot.Path, "aspire-manifest");
        var fresh = ReadAll(output.Path);
        var committed = ReadAll(committedDirectory);

        Assert.True(fresh.Count > 0, "the publish step wrote nothing");
        var stale = fresh.Keys.Union(committed.Keys)
            .Where(file => !fresh.TryGetValue(file, out var a) || !committed.TryGetValue(file, out var b) || a != b)
            .Order()
            .ToList();
        Assert.True(stale.Count == 0,
            $"aspire-manifest/ is stale ({string.Join(", ", stale)}). Regenerate it from the repository root with:\n{RegenerateCommand}");
    }

    [Fact]
    public async Task Manifest_describes_the_database_by_its_container_path_not_a_host_path()
    {
        using var output = AppHostPublisher.CreateOutputBesideManifest();
        await AppHostPublisher.PublishAsync(output.Path);

        var manifest = await File.ReadAllTextAsync(Path.Combine(output.Path, "aspire-manifest.json"));
        Assert.Contains("\"type\": \"sqlite.database.v0\"", manifest);
        Assert.Contains("Data Source=/app/data/hosvessel.db", manifest);
        Assert.Contains("\"ConnectionStrings__vessels\": \"{vessels.connectionString}\"", manifest);
        Assert.DoesNotContain(RepositoryRoot.Path, manifest);
    }

    private static Dictionary<string, string> ReadAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(directory, f), f => File.ReadAllText(f).ReplaceLineEndings("\n"))
            : [];
}
