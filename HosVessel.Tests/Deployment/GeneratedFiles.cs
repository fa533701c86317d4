namespace HosVessel.Tests.Deployment;

/// <summary>The committed files in <c>aspire-manifest/</c>, read the way the tests need them.</summary>
public static class GeneratedFiles
{
    public static string Directory => Path.Combine(Infrastructure.RepositoryRoot.Path, "aspire-manifest");

    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>The <c>environment:</c> entries of the web service, as the container gets them.</summary>
    public static IReadOnlyDictionary<string, string> WebEnvironment()
    {
        var compose = new YamlDotNet.Serialization.Deserializer()
            .Deserialize<Dictionary<string, Dictionary<string, Dictionary<string, object>>>>(File.ReadAllText(PathOf("docker-compose.yaml")));
        var environment = (Dictionary<object, object>)compose["services"]["web"]["environment"];
        return environment.ToDictionary(e => (string)e.Key, e => ((string)e.Value).Replace("$$", "$", StringComparison.Ordinal));
    }

    /// <summary>A temp copy of the compose file with <c>.env</c> made from <c>.env.example</c>, as the operator does.</summary>
    public static Infrastructure.TempDataDirectory ComposeCopyWithEnv()
    {
        var copy = new Infrastructure.TempDataDirectory();
        File.Copy(PathOf("docker-compose.yaml"), Path.Combine(copy.Path, "docker-compose.yaml"));
        File.Copy(PathOf(".env.example"), Path.Combine(copy.Path, ".env"));
        return copy;
    }
}
