using System.Security.Cryptography;
using System.Text;

namespace HosVessel.Tests.Deployment;

/// <summary>
/// <c>dotnet publish HosVessel.Web -c Release</c>, as the Dockerfile does, cached by a hash of the
/// sources so a second test run reuses it. Readable by every user (the permission test runs as nobody).
/// </summary>
public static class PublishedWeb
{
    public static readonly string CacheRoot = Path.Combine(Path.GetTempPath(), "hosvessel-deploy-tests");

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? published;

    public static async Task<string> GetAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return published ??= await PublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<string> PublishAsync()
    {
        var output = Path.Combine(CacheRoot, $"publish-{SourceHash()}");
        var marker = Path.Combine(output, ".complete");
        if (File.Exists(marker))
        {
            return output;
        }
        System.IO.Directory.CreateDirectory(CacheRoot);
        MakeReadableByAll(CacheRoot);
        var project = Path.Combine(Infrastructure.RepositoryRoot.Path, "HosVessel.Web", "HosVessel.Web.csproj");
        var (exitCode, log) = await ChildProcess.RunAsync("dotnet",
            ["publish", project, "-c", "Release", "-o", output, "-p:UseAppHost=false", "-nologo"]);
        Assert.True(exitCode == 0, $"dotnet publish failed:\n{log}");
        MakeReadableByAll(output);
        await File.WriteAllTextAsync(marker, "");
        return output;
    }

    private static string SourceHash()
    {
        var root = Infrastructure.RepositoryRoot.Path;
        var listing = new StringBuilder();
        foreach (var folder in new[] { "HosVessel.Web", "HosVessel.ServiceDefaults" })
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(root, folder), "*", SearchOption.AllDirectories)
                         .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
                         .Order(StringComparer.Ordinal))
            {
                var info = new FileInfo(file);
                listing.Append(CultureInvariant($"{file}|{info.Length}|{info.LastWriteTimeUtc.Ticks}\n"));
            }
        }
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props" })
        {
            listing.Append(File.ReadAllText(Path.Combine(root, file)));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())))[..16].ToLowerInvariant();
    }

    // The permission test runs the app as nobody; temp folders are otherwise private to root.
    private static void MakeReadableByAll(string directory)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_101_101);
        }
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
