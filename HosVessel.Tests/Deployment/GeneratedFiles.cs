using System.Text.RegularExpressions;

namespace HosVessel.Tests.Deployment;

/// <summary>The committed files in <c>aspire-manifest/</c>, read the way the tests need them.</summary>
public static partial class GeneratedFiles
{
    public static string Directory => Path.Combine(Infrastructure.RepositoryRoot.Path, "aspire-manifest");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The <c>environment:</c> entries of the web service, as the container gets them.</summary>
    public static IReadOnlyDictionary<string, string> WebEnvironment()
    {
        var lines = File.ReadAllLines(PathOf("docker-compose.yaml"));
        var start = Array.FindIndex(lines, l => l == "    environment:");
        Assert.True(start >= 0, "docker-compose.yaml has no web environment block");
        var environment = new Dictionary<string, string>();
        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)))
        {
            var match = EnvironmentEntry().Match(line);
            Assert.True(match.Success, $"unexpected environment line: {line}");
            environment[match.Groups[1].Value] = match.Groups[2].Value.Replace("$$", "$", StringComparison.Ordinal);
        }
        return environment;
    }

    /// <summary>A temp copy of the compose file with <c>.env</c> made from <c>.env.example</c>, as the operator does.</summary>
    public static Infrastructure.TempDataDirectory ComposeCopyWithEnv()
    {
        var copy = new Infrastructure.TempDataDirectory();
        File.Copy(PathOf("docker-compose.yaml"), Path.Combine(copy.Path, "docker-compose.yaml"));
        File.Copy(PathOf(".env.example"), Path.Combine(copy.Path, ".env"));
        return copy;
    }

    [GeneratedRegex("^      ([A-Za-z_][A-Za-z0-9_]*): \"(.*)\"$")]
    private static partial Regex EnvironmentEntry();
}
